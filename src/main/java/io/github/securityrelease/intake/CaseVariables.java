package io.github.securityrelease.intake;

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

  private CaseVariables() {}
}
