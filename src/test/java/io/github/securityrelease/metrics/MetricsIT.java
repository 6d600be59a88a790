package io.github.securityrelease.metrics;

import static io.github.securityrelease.TestCases.assertCompleted;
import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code /actuator/prometheus} as an operator scrapes it: who may, and the service's own
 * figures as a case goes from the report to its disclosure, with the engine clock moved past
 * each deadline. The figures from the database are read at every scrape in the ITs
 * ({@code security-release.metrics.cache-ttl=PT0S}), so that each step shows at once.
 */
@OrchestratorIntegrationTest
class MetricsIT {

  private static final String OPEN = "security_release_cases_open";
  private static final String NOTICES = "security_release_notices";
  private static final String MISSED = "security_release_deadlines_missed";
  private static final String DURATION = "security_release_case_duration_seconds";
  private static final double DAY = Duration.ofDays(1).toSeconds();

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @ParameterizedTest(name = "the metrics are for managers, the security team and admins: {0} as {1} -> {2}")
  @CsvSource({"/actuator/prometheus, none, 401", "/actuator/prometheus, demo-associate, 403",
      "/actuator/prometheus, demo-maintainer, 403", "/actuator/prometheus, demo-release, 403",
      "/actuator/prometheus/, demo-associate, 403", "/actuator/prometheus, demo-manager, 200",
      "/actuator/prometheus, demo-security, 200", "/actuator/prometheus, demo-admin, 200"})
  void onlyWatchersMayScrape(String path, String user, int status) {
    TestRestTemplate as = "none".equals(user) ? http : http.withBasicAuth(user, user);
    ResponseEntity<String> answer = as.getForEntity(path, String.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(status);
    if (status == 200) {
      assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/plain");
      assertThat(answer.getBody()).contains("# TYPE security_release_cases_open gauge", "jvm_memory_used_bytes");
    } else {
      assertThat(String.valueOf(answer.getBody())).as("no figure leaks with a refusal").doesNotContain("security_release");
    }
  }

  @Test
  @DisplayName("open cases by status, deadlines missed and the time to each milestone, report to disclosure")
  void caseFromReportToDisclosure() {
    Scrape before = scrape();
    String caseId = reported("Token leak in controller logs");
    String other = reported("Another report");

    Scrape reported = scrape();
    assertThat(delta(before, reported, OPEN, "status", "REPORTING")).isEqualTo(2);
    assertThat(delta(before, reported, NOTICES, "kind", "REPORT_RECEIPT", "status", "SENT")).isEqualTo(2);
    Instant reportedAt = date(caseId, "reportedAt");

    // R2: two business days pass without an acknowledgement
    Instant late = date(caseId, "acknowledgementDueBy").plus(Duration.ofHours(1));
    moveTo(late, caseId);
    Scrape overdue = scrape();
    assertThat(delta(before, overdue, MISSED, "rule", "R2")).isEqualTo(1);
    assertThat(delta(before, overdue, MISSED, "rule", "R8")).isZero();
    assertThat(delta(before, overdue, NOTICES, "kind", "ACKNOWLEDGEMENT_OVERDUE_ALERT", "status", "SENT")).isEqualTo(1);

    submitted("demo-security", caseId, "Task_AcknowledgeReport",
        Map.of("acknowledgementMessage", "Thank you: we are reproducing it."));
    Scrape acknowledged = scrape();
    assertThat(delta(before, acknowledged, OPEN, "status", "REPORTING")).isEqualTo(1);
    assertThat(delta(before, acknowledged, OPEN, "status", "CONFIRMING")).isEqualTo(1);
    assertMilestone(before, acknowledged, "acknowledged", "UNSCORED", Duration.between(reportedAt, late));
    assertThat(delta(before, acknowledged, DURATION + "_bucket",
        "milestone", "acknowledged", "severity", "UNSCORED", "le", "172800.0"))
        .as("R2 later than 2 days").isZero();
    assertThat(delta(before, acknowledged, DURATION + "_bucket",
        "milestone", "acknowledged", "severity", "UNSCORED", "le", "604800.0"))
        .isEqualTo(1);

    submitted("demo-security", caseId, "Task_ValidateReport", Map.of("validationOutcome", "ACCEPTED",
        "cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", "affectedVersions", "v0.5.0 - v0.6.0"));
    Scrape accepted = scrape();
    assertThat(delta(before, accepted, OPEN, "status", "CONFIRMING")).isZero();
    assertThat(delta(before, accepted, OPEN, "status", "REMEDIATION")).isEqualTo(1);

    // R8: seven days pass without an approved fix
    Instant fixLate = date(caseId, "fixDueBy").plus(Duration.ofHours(1));
    moveTo(fixLate, caseId);
    assertThat(delta(before, scrape(), MISSED, "rule", "R8")).isEqualTo(1);
    submitted("demo-maintainer", caseId, "Task_DevelopRemediation",
        Map.of("fixPullRequests", "PR https://github.com/example/private/pull/1"));
    submitted("demo-security", caseId, "Task_ReviewRemediation", Map.of("remediationApproved", true));
    Scrape fixed = scrape();
    assertMilestone(before, fixed, "fix_approved", "HIGH", Duration.between(reportedAt, fixLate));
    assertThat(delta(before, fixed, DURATION + "_bucket",
        "milestone", "fix_approved", "severity", "HIGH", "le", "604800.0"))
        .as("R8 later than 7 days").isZero();
    assertThat(delta(before, fixed, DURATION + "_bucket",
        "milestone", "fix_approved", "severity", "HIGH", "le", "1209600.0"))
        .isEqualTo(1);

    submitted("demo-security", caseId, "Task_DescribeImpact", Map.of("impactDescription", "Tokens leak to the logs."));
    submitted("demo-security", caseId, "Task_LaunchCveProcedure", Map.of("cveRequestReference", "CNA request 42"));
    submitted("demo-security", caseId, "Task_RecordCve", Map.of("cveId", TestCases.cveId(caseId)));
    Instant disclosure = fixLate.plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);
    String planned = OffsetDateTime.ofInstant(disclosure, ZoneOffset.ofHours(1)).toString();
    submitted("demo-security", caseId, "Task_PlanDisclosure", Map.of("publicDisclosureAt", planned, "releaseAt", planned,
        "publicMessaging", "A fix for the token leak ships today", "distributorContent", "PR 1",
        "releaseBranches", Map.of("value", "[\"release-0.6\",\"release-0.5\"]", "type", "Json"),
        "advanceNoticeDays", 7));
    assertThat(delta(before, scrape(), OPEN, "status", "REMEDIATION")).as("planned: REMEDIATION until the advance notice")
        .isEqualTo(1);

    moveTo(disclosure.minus(Duration.ofDays(7)).plusSeconds(60), caseId);
    Scrape restricted = scrape();
    assertThat(delta(before, restricted, OPEN, "status", "REMEDIATION")).isZero();
    assertThat(delta(before, restricted, OPEN, "status", "RESTRICTED_DISCLOSURE")).isEqualTo(1);
    moveTo(disclosure.minus(Duration.ofHours(24)).plusSeconds(60), caseId);
    Instant disclosedAt = disclosure.plusSeconds(60);
    moveTo(disclosedAt, caseId);
    for (int branch = 0; branch < 3; branch++) {
      submitted("demo-release", caseId, "Task_CherryPickFix", Map.of("commit", "a1b2c3d" + branch));
    }
    submitted("demo-release", caseId, "Task_BuildAndVerifyRelease", Map.of("releaseVersions", "v0.6.2, v0.5.4",
        "binariesLocation", "https://github.com/example/releases", "binariesVerified", true));
    Scrape released = scrape();
    assertThat(delta(before, released, OPEN, "status", "RESTRICTED_DISCLOSURE")).isZero();
    assertThat(delta(before, released, OPEN, "status", "PUBLIC_DISCLOSURE")).isEqualTo(1);
    submitted("demo-release", caseId, "Task_PublishReleaseNotes",
        Map.of("releaseNotesUrl", "https://github.com/example/releases/tag/v0.6.2"));
    submitted("demo-security", caseId, "Task_PublishAdvisory",
        Map.of("advisoryUrl", "https://github.com/example/security/advisories/GHSA-1"));
    submitted("demo-security", caseId, "Task_OpenTrackingIssue",
        Map.of("trackingIssueUrl", "https://github.com/example/issues/99"));
    assertThat(cases.instance(caseId)).as("the case ended").isNull();

    Scrape disclosed = scrape();
    assertMilestone(before, disclosed, "disclosed", "HIGH", Duration.between(reportedAt, disclosedAt));
    assertThat(delta(before, disclosed, DURATION + "_bucket",
        "milestone", "disclosed", "severity", "HIGH", "le", "2592000.0"))
        .as("within 30 days").isEqualTo(1);
    assertThat(delta(before, disclosed, NOTICES, "kind", "PUBLIC_ANNOUNCEMENT", "status", "SENT")).isEqualTo(1);
    for (String status : new String[] {"CONFIRMING", "REMEDIATION", "RESTRICTED_DISCLOSURE", "PUBLIC_DISCLOSURE",
        "DISCLOSED"}) {
      assertThat(delta(before, disclosed, OPEN, "status", status)).as("an ended case is open no more: " + status).isZero();
    }
    assertThat(delta(before, disclosed, OPEN, "status", "REPORTING")).as(other + " still waits").isEqualTo(1);
    assertThat(delta(before, disclosed, MISSED, "rule", "R2")).as("R2 one case missed it, once").isEqualTo(1);
  }

  @Test
  @DisplayName("a notice that fails is counted FAILED by kind, from the ledger")
  void failedNotices() {
    Scrape before = scrape();
    smtp.stop();
    String caseId = (String) post(http, report("Undelivered", "mallory@example.net")).getBody().get("caseId");
    Job receipt = managementService.createJobQuery().processInstanceId(cases.instance(caseId).getId())
        .activityId("Task_SendReportReceipt").singleResult();
    assertThatThrownBy(() -> managementService.executeJob(receipt.getId())).isNotNull();
    smtp.start();

    Scrape after = scrape();
    assertThat(delta(before, after, NOTICES, "kind", "REPORT_RECEIPT", "status", "FAILED")).isEqualTo(1);
    assertThat(delta(before, after, NOTICES, "kind", "REPORT_RECEIPT", "status", "SENT")).isZero();
    assertThat(delta(before, after, OPEN, "status", "REPORTING")).isEqualTo(1);
  }

  private String reported(String title) {
    String caseId = (String) post(http, report(title, "ada@example.net")).getBody().get("caseId");
    cases.runDueJobs(caseId);
    return caseId;
  }

  private void submitted(String user, String caseId, String taskKey, Map<String, Object> values) {
    assertCompleted(cases.submit(http, user, caseId, taskKey, values));
  }

  private void moveTo(Instant instant, String caseId) {
    ClockUtil.setCurrentTime(Date.from(instant));
    cases.runDueJobs(caseId);
  }

  private Instant date(String caseId, String variable) {
    return ((Date) runtimeService.getVariable(cases.instance(caseId).getId(), variable)).toInstant();
  }

  private Scrape scrape() {
    ResponseEntity<String> answer = http.withBasicAuth("demo-manager", "demo-manager")
        .getForEntity("/actuator/prometheus", String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return Scrape.parse(answer.getBody());
  }

  private static double delta(Scrape before, Scrape after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }

  private static void assertMilestone(Scrape before, Scrape after, String milestone, String severity, Duration expected) {
    String[] labels = {"milestone", milestone, "severity", severity};
    assertThat(delta(before, after, DURATION + "_count", labels)).as(milestone + " recorded once").isEqualTo(1);
    assertThat(delta(before, after, DURATION + "_sum", labels)).as(milestone + ": from the report, by the engine clock")
        .isCloseTo(expected.toMillis() / 1000.0, within(0.01));
    assertThat(expected.toSeconds()).as("a test of days").isGreaterThan((long) DAY);
  }
}
