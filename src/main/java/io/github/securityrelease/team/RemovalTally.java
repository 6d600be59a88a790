package io.github.securityrelease.team;

/**
 * R23: the count of a removal vote. The member is removed when at least two thirds of the
 * electorate (every other member of the team when the vote opened) voted for removal:
 * {@code 3 × votesForRemoval ≥ 2 × electorate}. A vote not cast counts as not for removal, and
 * with no one to vote the member stays.
 */
record RemovalTally(int electorate, int votesForRemoval) {

  RemovalTally {
    if (electorate < 0 || votesForRemoval < 0 || votesForRemoval > electorate) {
      throw new IllegalArgumentException(votesForRemoval + " votes for removal of an electorate of " + electorate);
    }
  }

  RemovalOutcome outcome() {
    if (electorate == 0) {
      return RemovalOutcome.KEPT_NO_ELECTORATE;
    }
    return 3L * votesForRemoval >= 2L * electorate ? RemovalOutcome.REMOVED : RemovalOutcome.KEPT;
  }
}
