package io.github.securityrelease.team;

/** R23: how a removal vote ended; the process variable {@code removalOutcome}. */
enum RemovalOutcome {
  /** Two thirds or more of the electorate voted for removal. */
  REMOVED,
  /** Fewer than two thirds did. */
  KEPT,
  /** No other member to vote: the member stays, and the record says why. */
  KEPT_NO_ELECTORATE
}
