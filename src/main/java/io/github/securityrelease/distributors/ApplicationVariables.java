package io.github.securityrelease.distributors;

/**
 * The names of {@code processes/distributor-application.bpmn} (R25 joining the list, R26 leaks
 * and removal): the process contract (docs/process-contract.md).
 */
final class ApplicationVariables {

  static final String PROCESS_KEY = "distributor-application";
  static final String MESSAGE_LEAK_REPORTED = "LeakReported";
  static final String MESSAGE_REMOVAL_PROPOSED = "RemovalProposed";

  // the application (R25)
  static final String APPLICATION_ID = "applicationId";
  static final String ORGANISATION = "organisation";
  /** The contact addresses, one a line: what the forms show and the mails go to. */
  static final String CONTACTS = "contacts";
  static final String APPLIED_AT = "appliedAt";
  static final String EMBARGO_POLICY_ACCEPTED = "embargoPolicyAccepted";
  static final String VOUCHED_BY = "vouchedBy";
  static final String REVIEW_OUTCOME = "reviewOutcome";
  static final String REJECTION_REASON = "rejectionReason";
  static final String REVIEWED_BY = "reviewedBy";
  static final String VOUCHING_OUTCOME = "vouchingOutcome";
  static final String VOUCHING_DECLINE_REASON = "vouchingDeclineReason";
  static final String DISTRIBUTOR_ID = "distributorId";
  /**
   * R14: the applicant's OpenPGP public keys, checked when it applied: their armoured blocks one
   * after the other, as bytes (a key is longer than a string variable may be); absent when none.
   */
  static final String OPENPGP_KEYS = "openpgpKeys";

  // leaks and removal (R26)
  static final String LEAK_ID = "leakId";
  static final String LEAKS = "leaks";
  static final String PROPOSE_REMOVAL = "proposeRemoval";
  static final String REMOVAL_REASON = "removalReason";
  static final String PROPOSED_BY = "proposedBy";
  static final String REMOVAL_OUTCOME = "removalOutcome";
  static final String REMOVAL_DECISION_REASON = "removalDecisionReason";
  static final String DECIDED_BY = "decidedBy";

  static final String ACCEPTED = "ACCEPTED";
  static final String REJECTED = "REJECTED";
  static final String CONFIRMED = "CONFIRMED";
  static final String DECLINED = "DECLINED";
  static final String REMOVE = "REMOVE";
  static final String KEEP = "KEEP";

  private ApplicationVariables() {}

  /** A distributor's business key in the removal part of the model: one removal decision at a time each. */
  static String distributorKey(long distributorId) {
    return "distributor-" + distributorId;
  }
}
