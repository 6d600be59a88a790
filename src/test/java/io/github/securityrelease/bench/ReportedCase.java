package io.github.securityrelease.bench;

import static io.github.securityrelease.cases.CaseVariables.*;

import io.github.securityrelease.cases.VulnerabilityStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/** What the intake gives a case from a report (ReportIntake): the report, its ID, its time and deadlines. */
final class ReportedCase {

  private ReportedCase() {}

  static Map<String, Object> variables(String caseId, String title, String whatHappened, Instant reportedAt,
      String acknowledgementDueByText, Duration fixPeriod) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_ID, caseId);
    variables.put(STATUS, VulnerabilityStatus.REPORTING.name());
    variables.put(TITLE, title);
    variables.put(WHAT_HAPPENED, whatHappened);
    variables.put(EXPECTED, "No credentials in logs.");
    variables.put(HOW_TO_REPRODUCE, "Create a fleet with one attached cluster and read the controller logs.");
    variables.put(ANYTHING_ELSE, null);
    variables.put(PRODUCT_VERSION, "v0.6.0");
    variables.put(KUBECTL_VERSION, "v1.29.1");
    variables.put(FLUXCD_VERSION, null);
    variables.put(OTHER_ENVIRONMENT, null);
    variables.put(REPORTER_NAME, "Ada Reporter");
    variables.put(REPORTER_EMAIL, "ada@example.net");
    variables.put(PUBLICLY_DISCLOSED, false);
    variables.put(PUBLIC_REFERENCE, null);
    variables.put(FAST_TRACK, false);
    variables.put(REPORTED_AT, Date.from(reportedAt));
    variables.put(ACKNOWLEDGEMENT_DUE_BY, Date.from(reportedAt.plus(Duration.ofDays(2))));
    variables.put(ACKNOWLEDGEMENT_DUE_BY_TEXT, acknowledgementDueByText);
    variables.put(FIX_DUE_BY, Date.from(reportedAt.plus(fixPeriod)));
    return variables;
  }
}
