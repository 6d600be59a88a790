package io.github.securityrelease.distributors;

/**
 * The eight membership criteria of the private distributors list (R25), in the template's
 * order: the variable holding the applicant's answer and the one the reviewer ticks.
 */
enum Criterion {
  SECURITY_ALIAS("securityAlias"),
  USER_BASE("userBase"),
  TRACK_RECORD("trackRecord"),
  NOT_DOWNSTREAM("notDownstream"),
  ACTIVE_CONTRIBUTOR("activeContributor"),
  EMBARGO_POLICY_ACCEPTED("embargoPolicyAccepted"),
  CONTRIBUTE_BACK("contributeBack"),
  VOUCHED_BY("vouchedBy");

  private final String answer;

  Criterion(String answer) {
    this.answer = answer;
  }

  /** The variable of the applicant's answer, as the API and the start form name it. */
  String answer() {
    return answer;
  }

  /** The reviewer's tick: {@code <answer>Met}, true when the criterion is met. */
  String met() {
    return answer + "Met";
  }
}
