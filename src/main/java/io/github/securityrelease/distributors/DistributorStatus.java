package io.github.securityrelease.distributors;

/** R29: what a distributor says of a case's vulnerability in its own products. */
public enum DistributorStatus {
  UNDER_INVESTIGATION,
  AFFECTED,
  NOT_AFFECTED,
  FIXED
}
