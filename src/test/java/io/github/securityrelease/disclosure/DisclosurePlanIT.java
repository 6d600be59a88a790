package io.github.securityrelease.disclosure;

import static io.github.securityrelease.TestCases.assertCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** "Plan disclosure" through the engine REST API: deferral (R9) and the missing patch schedule (R11). */
@OrchestratorIntegrationTest
class DisclosurePlanIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @Test
  @DisplayName("R9 a HIGH case may not be deferred: a later disclosure or a deferral reason is refused with 400")
  void highCaseNotDeferred() {
    String caseId = cases.readyToPlan(http, "No deferral for HIGH");
    assertThat(variable(caseId, "mayDefer")).isEqualTo(false);
    Instant deferred = Instant.now().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.MINUTES);
    ResponseEntity<String> later = plan(caseId, deferred, Map.of("deferralReason", "Holidays"));
    assertThat(later.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(later.getBody()).contains("deferralReason", "R9");
    ResponseEntity<String> withoutReason = plan(caseId, deferred, Map.of());
    assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutReason.getBody()).contains("publicDisclosureAt", "R9");
    assertCompleted(plan(caseId, Instant.now().plus(Duration.ofDays(21)).truncatedTo(ChronoUnit.MINUTES), Map.of()));
    assertThat(variable(caseId, "deferred")).isEqualTo(false);
  }

  @Test
  @DisplayName("R9 R11 a LOW case: the form says no patch schedule is configured; deferral needs its reason, kept on record")
  void lowCaseDeferred() {
    String caseId = readyToPlanLow("Deferred LOW");
    assertThat(variable(caseId, "mayDefer")).isEqualTo(true);
    assertThat(variable(caseId, "releaseType")).isEqualTo("NEXT_PATCH");
    assertThat(variable(caseId, "noPatchSchedule")).as("R11 no patch schedule in the ITs' configuration")
        .isEqualTo(true);
    Instant deferred = Instant.now().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.MINUTES);
    ResponseEntity<String> withoutReason = plan(caseId, deferred, Map.of());
    assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutReason.getBody()).contains("deferralReason");
    assertCompleted(plan(caseId, deferred, Map.of("deferralReason", "Holiday freeze; half the team away")));
    assertThat(variable(caseId, "deferred")).isEqualTo(true);
    assertThat(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(cases.instance(caseId).getId()).variableName("deferralReason").singleResult().getValue())
        .as("on the case's record").isEqualTo("Holiday freeze; half the team away");
  }

  private String readyToPlanLow(String title) {
    String caseId = (String) TestCases.post(http, TestCases.report(title, "ada@example.net")).getBody().get("caseId");
    cases.runDueJobs(caseId);
    submitted("demo-security", caseId, "Task_AcknowledgeReport", Map.of("acknowledgementMessage", "Thank you."));
    submitted("demo-security", caseId, "Task_ValidateReport", Map.of("validationOutcome", "ACCEPTED",
        "cvssVector", "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", "affectedVersions", "v0.5.0 - v0.6.0"));
    submitted("demo-maintainer", caseId, "Task_DevelopRemediation",
        Map.of("fixPullRequests", "PR https://github.com/example/private/pull/2"));
    submitted("demo-security", caseId, "Task_ReviewRemediation", Map.of("remediationApproved", true));
    submitted("demo-security", caseId, "Task_DescribeImpact", Map.of("impactDescription", "A local read."));
    submitted("demo-security", caseId, "Task_LaunchCveProcedure", Map.of("cveRequestReference", "CNA request 43"));
    submitted("demo-security", caseId, "Task_RecordCve", Map.of("cveId", "CVE-2026-12346"));
    return caseId;
  }

  private void submitted(String user, String caseId, String taskKey, Map<String, Object> values) {
    assertCompleted(cases.submit(http, user, caseId, taskKey, values));
  }

  private ResponseEntity<String> plan(String caseId, Instant disclosure, Map<String, Object> more) {
    String at = OffsetDateTime.ofInstant(disclosure, ZoneOffset.ofHours(1)).toString();
    Map<String, Object> values = new HashMap<>(Map.of("publicDisclosureAt", at, "releaseAt", at,
        "publicMessaging", "A fix ships", "distributorContent", "PR https://github.com/example/private/pull/2",
        "releaseBranches", Map.of("value", "[\"release-0.6\"]", "type", "Json")));
    values.putAll(more);
    return cases.submit(http, "demo-security", caseId, "Task_PlanDisclosure", values);
  }

  private Object variable(String caseId, String name) {
    return runtimeService.getVariable(cases.instance(caseId).getId(), name);
  }
}
