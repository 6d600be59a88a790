package io.github.securityrelease;

/** Names of the process variables of a case: part of the process contract in the README. */
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
  public static final String REPORTED_AT = "reportedAt";
  public static final String ACKNOWLEDGEMENT_DUE_BY = "acknowledgementDueBy";
  public static final String ACKNOWLEDGEMENT_MESSAGE = "acknowledgementMessage";
  public static final String ACKNOWLEDGED_AT = "acknowledgedAt";
  public static final String ACKNOWLEDGED_BY = "acknowledgedBy";
  public static final String FIX_DUE_BY = "fixDueBy";

  // CONFIRMING: validation and assessment (R3-R7)
  public static final String VALIDATION_OUTCOME = "validationOutcome";
  public static final String REJECTION_REASON = "rejectionReason";
  public static final String CVSS_VECTOR = "cvssVector";
  public static final String AFFECTED_VERSIONS = "affectedVersions";
  public static final String AFFECTED_COMPONENTS = "affectedComponents";
  public static final String SEVERITY_OVERRIDE = "severityOverride";
  public static final String SEVERITY_OVERRIDE_REASON = "severityOverrideReason";
  public static final String CVSS_VERSION = "cvssVersion";
  public static final String CVSS_SCORE = "cvssScore";
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
  public static final String FIX_IN_PUBLIC = "fixInPublic";
  public static final String REMEDIATION_APPROVED = "remediationApproved";
  public static final String REVIEW_COMMENTS = "reviewComments";
  public static final String IMPACT_DESCRIPTION = "impactDescription";
  public static final String CVE_REQUEST_REFERENCE = "cveRequestReference";
  public static final String CVE_ID = "cveId";

  // PUBLIC_DISCLOSURE: the release and the announcement (R17, R18)
  /** Comma separated: the releases that carry the fix, {@code v0.6.2, v0.5.4}. */
  public static final String RELEASE_VERSIONS = "releaseVersions";
  public static final String RELEASE_NOTES_URL = "releaseNotesUrl";
  /** The public tracking issue whose title starts with the CVE ID (R18). */
  public static final String TRACKING_ISSUE_URL = "trackingIssueUrl";
  /** Where the fixed binaries are. */
  public static final String BINARIES_LOCATION = "binariesLocation";
  /** The planned public disclosure ({@code java.util.Date}). */
  public static final String PUBLIC_DISCLOSURE_AT = "publicDisclosureAt";
  /** When the case was actually disclosed ({@code java.util.Date}). */
  public static final String DISCLOSED_AT = "disclosedAt";

  private CaseVariables() {}
}
