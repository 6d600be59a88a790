package io.github.securityrelease.team;

/** The names of {@code processes/team-membership.bpmn}: the process contract (docs/process-contract.md). */
final class TeamVariables {

  static final String PROCESS_KEY = "team-membership";
  static final String STEP_DOWN_MESSAGE = "StepDown";
  static final String MEMBER_ON_RECORD_MESSAGE = "MemberOnRecord";
  static final String CHANGED_OUTSIDE_MESSAGE = "MembershipChangedOutside";
  static final String CHANGED_OUTSIDE_RUNNING_MESSAGE = "MembershipChangedOutsideRunning";
  static final String REMOVED_OUTSIDE_MESSAGE = "RemovedOutside";

  static final String MEMBER_ID = "memberId";
  static final String NOMINATION_REASON = "nominationReason";
  static final String NOMINATED_BY = "nominatedBy";
  static final String ASSOCIATE_SINCE = "associateSince";
  static final String ROTATION_ENDS_AT = "rotationEndsAt";
  static final String ROTATION_DECISION = "rotationDecision";
  static final String ROTATION_DECISION_REASON = "rotationDecisionReason";
  static final String REVIEWED_BY = "reviewedBy";
  static final String MEMBER_SINCE = "memberSince";
  static final String WATCHED_SINCE = "watchedSince";
  static final String LAST_TASK_ACTIVITY_AT = "lastTaskActivityAt";
  static final String LAST_ACTIVITY_AT = "lastActivityAt";
  static final String INACTIVITY_DUE_AT = "inactivityDueAt";
  static final String INACTIVE = "inactive";
  static final String VOTERS = "voters";
  static final String VOTER = "voter";
  static final String ELECTORATE = "electorate";
  static final String VOTES_FOR_REMOVAL = "votesForRemoval";
  static final String VOTES_CAST = "votesCast";
  static final String VOTE_OPENED_AT = "voteOpenedAt";
  static final String VOTE_ENDS_AT = "voteEndsAt";
  static final String REMOVAL_VOTE = "removalVote";
  static final String REMOVAL_OUTCOME = "removalOutcome";
  static final String STEPPED_DOWN_BY = "steppedDownBy";
  static final String STEPPED_DOWN_AT = "steppedDownAt";
  static final String OUTSIDE_CHANGE = "outsideChange";
  static final String OUTSIDE_CHANGE_ID = "outsideChangeId";
  static final String OUTSIDE_CHANGED_BY = "outsideChangedBy";
  static final String MEMBERSHIP_NOW = "membershipNow";

  private TeamVariables() {}
}
