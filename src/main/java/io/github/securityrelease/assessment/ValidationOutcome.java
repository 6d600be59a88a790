package io.github.securityrelease.assessment;

/** R4: what the team makes of a report. */
enum ValidationOutcome {
  ACCEPTED,
  NOT_A_VULNERABILITY,
  DUPLICATE,
  /** It belongs to an upstream project with its own process: the reporter is sent there. */
  UPSTREAM
}
