package io.github.securityrelease.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * The names of {@code processes/vulnerability-handling.bpmn}, one instance a case: the process
 * contract (docs/process-contract.md).
 */
public final class CaseVariables {

  public static final String PROCESS_KEY = "vulnerability-handling";

  public static final String CASE_ID = "caseId";
  public static final String STATUS = "status";
  public static final String TITLE = "title";
  public static final String WHAT_HAPPENED = "whatHappened";
  public static final String EXPECTED = "expected";
  public static final String HOW_TO_REPRODUCE = "howToReproduce";
  public static final String ANYTHING_ELSE = "anythingElse";
  public static final String PRODUCT_VERSION = "productVersion";
  public static final String KUBECTL_VERSION = "kubectlVersion";
  public static final String FLUXCD_VERSION = "fluxcdVersion";
  public static final String OTHER_ENVIRONMENT = "otherEnvironment";
  public static final String REPORTER_NAME = "reporterName";
  public static final String REPORTER_EMAIL = "reporterEmail";
  public static final String PUBLICLY_DISCLOSED = "publiclyDisclosed";
  public static final String PUBLIC_REFERENCE = "publicReference";
  /** R28: how the reporter wishes to be credited (cases/Credit); absent: named nowhere. */
  public static final String CREDIT = "credit";
  /** Who last changed the credit after the report (the team's user, or the reporter). */
  public static final String CREDIT_CORRECTED_BY = "creditCorrectedBy";
  public static final String REPORTED_AT = "reportedAt";
  /** A mailed report's own Message-ID (R28): every mail to the reporter answers in its thread. */
  public static final String REPORT_MESSAGE_ID = "reportMessageId";
  /** R3, R28: the reporter's latest answer, shown in "Ask reporter for private handling" while it waits. */
  public static final String REPORTER_ANSWER = "reporterAnswer";
  public static final String ACKNOWLEDGEMENT_DUE_BY = "acknowledgementDueBy";
  /** The same deadline as people read it (UTC and the team's zone), for the forms. */
  public static final String ACKNOWLEDGEMENT_DUE_BY_TEXT = "acknowledgementDueByText";
  public static final String ACKNOWLEDGEMENT_MESSAGE = "acknowledgementMessage";
  public static final String ACKNOWLEDGED_AT = "acknowledgedAt";
  public static final String ACKNOWLEDGED_BY = "acknowledgedBy";
  public static final String FIX_DUE_BY = "fixDueBy";

  // CONFIRMING: validation and assessment (R3-R7)
  public static final String VALIDATION_OUTCOME = "validationOutcome";
  /** R4: why the reporter is told the report is rejected, at validation or after acceptance (the explanation). */
  public static final String REJECTION_REASON = "rejectionReason";
  /** R4 after acceptance: the case's rejection, a {@link RejectionReason}, and who rejected it when. */
  public static final String REJECTION = "rejection";
  public static final String REJECTED_BY = "rejectedBy";
  public static final String REJECTED_AT = "rejectedAt";
  public static final String CVSS_VECTOR = "cvssVector";
  public static final String AFFECTED_VERSIONS = "affectedVersions";
  public static final String AFFECTED_COMPONENTS = "affectedComponents";
  public static final String SEVERITY_OVERRIDE = "severityOverride";
  public static final String SEVERITY_OVERRIDE_REASON = "severityOverrideReason";
  /** R24: marked at validation; associates may lead the case. */
  public static final String LOW_SENSITIVITY = "lowSensitivity";
  public static final String CVSS_VERSION = "cvssVersion";
  /** FIRST's score of the whole vector (R5): what the severity is the band of. */
  public static final String CVSS_SCORE = "cvssScore";
  /** The score of the base metrics alone, on record beside {@link #CVSS_SCORE}. */
  public static final String CVSS_BASE_SCORE = "cvssBaseScore";
  public static final String COMPUTED_SEVERITY = "computedSeverity";
  public static final String SEVERITY = "severity";
  public static final String SEVERITY_OVERRIDDEN = "severityOverridden";
  public static final String REPORTER_AGREES_PRIVATE = "reporterAgreesPrivate";
  public static final String FAST_TRACK = "fastTrack";
  public static final String RELEASE_TYPE = "releaseType";
  public static final String FIX_VISIBILITY = "fixVisibility";
  public static final String MAY_DEFER = "mayDefer";

  // REMEDIATION: the fix and the CVE (R7, R8, R10, R12)
  public static final String FIX_PULL_REQUESTS = "fixPullRequests";
  public static final String MITIGATIONS = "mitigations";
  /** R7: how urgently the remediation is worked on, determined with the remediations. */
  public static final String REMEDIATION_PRIORITY = "remediationPriority";
  public static final String FIX_IN_PUBLIC = "fixInPublic";
  public static final String REMEDIATION_APPROVED = "remediationApproved";
  public static final String REVIEW_COMMENTS = "reviewComments";
  public static final String IMPACT_DESCRIPTION = "impactDescription";
  public static final String CVE_REQUEST_REFERENCE = "cveRequestReference";
  public static final String CVE_ID = "cveId";
  /** R12 with the forge: the repository advisory (GHSA ID) opened at "Launch CVE procedure". */
  public static final String GHSA_ID = "ghsaId";
  /** Whether GitHub has assigned the advisory's CVE ID yet; the model polls while false. */
  public static final String CVE_ASSIGNED = "cveAssigned";
  /** R12, R18 with CVE Services: when the service published the case's CVE record, and the SHA-256 of the CNA container it sent. */
  public static final String CVE_RECORD_PUBLISHED_AT = "cveRecordPublishedAt";
  public static final String CVE_RECORD_DIGEST = "cveRecordDigest";
  /** When the service last updated the published record because the advisory changed. */
  public static final String CVE_RECORD_UPDATED_AT = "cveRecordUpdatedAt";

  // RESTRICTED_DISCLOSURE (R13-R16): the plan; dates the form submits are ISO-8601 strings
  public static final String PUBLIC_DISCLOSURE_AT = "publicDisclosureAt";
  public static final String RELEASE_AT = "releaseAt";
  public static final String PUBLIC_MESSAGING = "publicMessaging";
  public static final String DISTRIBUTOR_CONTENT = "distributorContent";
  public static final String RELEASE_BRANCHES = "releaseBranches";
  public static final String RELEASE_BRANCH_OPTIONS = "releaseBranchOptions";
  public static final String SHORT_EMBARGO_REASON = "shortEmbargoReason";
  public static final String SHORT_EMBARGO = "shortEmbargo";
  public static final String ADVANCE_NOTICE_AT = "advanceNoticeAt";
  public static final String RELEASE_NOTICE_AT = "releaseNoticeAt";
  public static final String ADVANCE_NOTICE_SENT_AT = "advanceNoticeSentAt";
  public static final String RELEASE_NOTICE_SENT_AT = "releaseNoticeSentAt";
  // the plan's proposal and what the notices found when sent (R9, R11, R14, R16)
  public static final String ADVANCE_NOTICE_DAYS = "advanceNoticeDays";
  public static final String NO_PATCH_SCHEDULE = "noPatchSchedule";
  public static final String DEFERRAL_FROM = "deferralFrom";
  public static final String DEFERRAL_REASON = "deferralReason";
  public static final String DEFERRED = "deferred";
  public static final String ADVANCE_NOTICE_LEAD_TIME = "advanceNoticeLeadTime";
  public static final String RELEASE_NOTICE_LEAD_TIME = "releaseNoticeLeadTime";
  public static final String ADVANCE_NOTICE_MINIMUM_MISSED = "advanceNoticeMinimumMissed";
  public static final String RELEASE_NOTICE_MINIMUM_MISSED = "releaseNoticeMinimumMissed";
  public static final String ADVANCE_NOTICE_NOBODY_TOLD = "advanceNoticeNobodyTold";
  public static final String RELEASE_NOTICE_NOBODY_TOLD = "releaseNoticeNobodyTold";
  public static final String RESCHEDULED_PUBLIC_DISCLOSURE_AT = "rescheduledPublicDisclosureAt";
  public static final String RESCHEDULED_RELEASE_AT = "rescheduledReleaseAt";
  public static final String RESCHEDULE_REASON = "rescheduleReason";
  public static final String RESCHEDULED_BY = "rescheduledBy";
  /** R14, R16: a re-plan's reason does not unlock a short embargo; this reason does. */
  public static final String RESCHEDULED_SHORT_EMBARGO_REASON = "rescheduledShortEmbargoReason";
  // an embargo break (R15); the stored names say "breach", as running and ended cases keep them
  public static final String BREAK_REPORTED_BY = "breachReportedBy";
  public static final String BROKEN_BY = "breachedBy";
  public static final String BREAK_DESCRIPTION = "breachDescription";
  public static final String EMBARGO_DECISION = "embargoDecision";
  public static final String EMBARGO_DECISION_REASON = "embargoDecisionReason";
  public static final String RELEASE_NOW_AT = "releaseNowAt";
  /** R15: the team decided to release now: the disclosure as early as possible, never later. */
  public static final String RELEASE_NOW_REQUESTED = "releaseNowRequested";
  public static final String EMBARGO_BREAKS = "embargoBreaches";
  /** R28: the public disclosure date the reporter was last told (as {@link #PUBLIC_DISCLOSURE_AT}), and how often. */
  public static final String REPORTER_TOLD_DISCLOSURE_AT = "reporterToldDisclosureAt";
  public static final String REPORTER_DISCLOSURE_DATE_NOTICES = "reporterDisclosureDateNotices";

  // Release day and PUBLIC_DISCLOSURE (R17, R18)
  public static final String BRANCH = "branch";
  public static final String COMMIT = "commit";
  public static final String CHERRY_PICKS = "cherryPicks";
  public static final String RELEASE_VERSIONS = "releaseVersions";
  public static final String BINARIES_LOCATION = "binariesLocation";
  public static final String BINARIES_VERIFIED = "binariesVerified";
  /** R17 with the forge: what the binaries' verification found wrong, one line a problem; null when nothing. */
  public static final String BINARIES_PROBLEM = "binariesProblem";
  public static final String RELEASE_NOTES_DRAFT = "releaseNotesDraft";
  public static final String RELEASE_NOTES_URL = "releaseNotesUrl";
  public static final String ADVISORY_URL = "advisoryUrl";
  public static final String TRACKING_ISSUE_TITLE = "trackingIssueTitle";
  public static final String TRACKING_ISSUE_URL = "trackingIssueUrl";
  public static final String DISCLOSED_AT = "disclosedAt";

  // Release day through the forge (R17), each local to its branch's "Fix onto branch"
  /** The branch of the private remote that holds the fix, named at "Develop remediation". */
  public static final String FIX_BRANCH = "fixBranch";
  /** {@code security/<CVE ID>/<branch>} on the public repository. */
  public static final String SECURITY_BRANCH = "securityBranch";
  public static final String CHERRY_PICK_CONFLICT = "cherryPickConflict";
  public static final String CONFLICT_COMMIT = "conflictCommit";
  public static final String CONFLICT_FILES = "conflictFiles";
  public static final String PULL_REQUEST_NUMBER = "pullRequestNumber";
  public static final String PULL_REQUEST_URL = "pullRequestUrl";
  /** The commit the pull request showed when the service opened it. */
  public static final String PULL_REQUEST_HEAD = "pullRequestHead";
  public static final String PULL_REQUEST_MERGED = "pullRequestMerged";
  /** The pull request's head when it was merged, and the commit the merge made on the branch. */
  public static final String MERGED_HEAD = "mergedHead";
  public static final String MERGE_COMMIT = "mergeCommit";
  /** R17 "unchanged": the merged head is not the one the pull request was opened with. */
  public static final String PULL_REQUEST_CHANGED = "pullRequestChanged";

  private CaseVariables() {}

  /** A date variable, or a plan date as the form submits it (an ISO-8601 string with an offset); else null. */
  public static Instant instant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    try {
      return value instanceof String text ? OffsetDateTime.parse(text).toInstant() : null;
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }
}
