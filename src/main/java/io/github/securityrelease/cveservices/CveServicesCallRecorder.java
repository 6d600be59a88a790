package io.github.securityrelease.cveservices;

import io.github.securityrelease.cases.OutsideCall;

/** Where the client puts each call it makes: {@link CveServicesCalls}, the case's record. */
@FunctionalInterface
public interface CveServicesCallRecorder {

  /** Records {@code call}; it stays on record even when the caller's transaction rolls back. */
  void record(OutsideCall call);
}
