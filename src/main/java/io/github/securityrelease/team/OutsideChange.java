package io.github.securityrelease.team;

import java.util.List;

/**
 * A change of {@code security-team} or {@code security-associates} that a person made outside
 * the membership process (the Admin webapp, the engine REST API's identity endpoints), as
 * {@link OutsideChangesPlugin} saw it: whose membership, what was done, by whom, and where
 * the person stands after it.
 */
record OutsideChange(String memberId, Action action, List<String> groups, String changedBy, boolean memberNow,
    boolean associateNow) {

  enum Action {
    ADDED("added %2$s to %3$s"),
    REMOVED("removed %2$s from %3$s"),
    USER_DELETED("deleted the user %2$s, who was in %3$s"),
    GROUP_DELETED("deleted the group %3$s, and with it the membership of %2$s");

    private final String format;

    Action(String format) {
      this.format = format;
    }
  }

  /** Where the person is after the change: the value of {@code membershipNow}. */
  enum Standing { MEMBER, ASSOCIATE, NONE }

  OutsideChange {
    groups = List.copyOf(groups);
  }

  /** What the team reads, e.g. "demo-admin added person-1 to security-team". */
  String summary() {
    return changedBy + " " + String.format(action.format, changedBy, memberId, String.join(" and ", groups));
  }

  Standing standing() {
    if (memberNow) {
      return Standing.MEMBER;
    }
    return associateNow ? Standing.ASSOCIATE : Standing.NONE;
  }
}
