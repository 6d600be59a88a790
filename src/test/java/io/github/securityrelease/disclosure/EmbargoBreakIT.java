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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** R15 through the API and the forms: an embargo break at any time before the public disclosure. */
@OrchestratorIntegrationTest
class EmbargoBreakIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  @Test
  @DisplayName("R15 an embargo break before a plan exists: RELEASE_NOW means as soon as a fix is ready; the plan proposes the earliest dates and refuses later ones")
  void beforePlan() {
    String caseId = cases.readyToRecordCve(http, "R15 break before the plan");
    assertThat(reportBreak(caseId).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertCompleted(decide(caseId, Map.of("embargoDecision", "RELEASE_NOW", "embargoDecisionReason", "Exploit on a forum")));
    assertThat(variable(caseId, "releaseNowRequested")).isEqualTo(true);
    assertThat(variable(caseId, "advanceNoticeAt")).as("no plan yet: nothing to move").isNull();

    assertCompleted(cases.submit(http, "demo-security", caseId, "Task_RecordCve", Map.of("cveId", TestCases.cveId(caseId))));
    String proposed = (String) taskService.getVariable(task(caseId, "Task_PlanDisclosure"), "publicDisclosureAt");
    Instant proposal = OffsetDateTime.parse(proposed).toInstant();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    assertThat(proposal).as("the earliest the distributors' 24 hours allow, not three weeks out")
        .isBetween(now.plus(Duration.ofHours(23)), now.plus(Duration.ofDays(4)));

    ResponseEntity<String> later = plan(caseId, at(proposal.plus(Duration.ofDays(7))), null);
    assertThat(later.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(later.getBody()).contains("publicDisclosureAt", "R15");
    assertCompleted(plan(caseId, proposed, null));
    assertThat(variable(caseId, "shortEmbargo")).as("a broken embargo has no 7 days left to protect").isEqualTo(true);
  }

  @Test
  @DisplayName("R15 a releaseNowAt later than the current plan is refused with a 400 naming releaseNowAt")
  void releaseNowAtNotLaterThanPlan() {
    String caseId = planned("R15 release now later than the plan", 14);
    Instant disclosure = OffsetDateTime.parse((String) variable(caseId, "publicDisclosureAt")).toInstant();
    assertThat(reportBreak(caseId).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    ResponseEntity<String> later = decide(caseId, Map.of("embargoDecision", "RELEASE_NOW",
        "embargoDecisionReason", "Leaked to a vendor's customers", "releaseNowAt", at(disclosure.plus(Duration.ofDays(1)))));
    assertThat(later.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(later.getBody()).contains("releaseNowAt");
    assertCompleted(decide(caseId, Map.of("embargoDecision", "RELEASE_NOW",
        "embargoDecisionReason", "Leaked to a vendor's customers", "releaseNowAt", at(disclosure.minus(Duration.ofDays(7))))));
    assertThat(OffsetDateTime.parse((String) variable(caseId, "publicDisclosureAt")).toInstant())
        .as("brought forward").isEqualTo(disclosure.minus(Duration.ofDays(7)));
  }

  @Test
  @DisplayName("R15 a re-plan after RELEASE_NOW may bring the disclosure forward but not push it out (400 naming publicDisclosureAt)")
  void replanAfterReleaseNow() {
    String caseId = planned("R15 re-plan after release now", 14);
    Instant disclosure = OffsetDateTime.parse((String) variable(caseId, "publicDisclosureAt")).toInstant();
    Instant early = disclosure.minus(Duration.ofDays(10));
    reportBreak(caseId);
    assertCompleted(decide(caseId, Map.of("embargoDecision", "RELEASE_NOW",
        "embargoDecisionReason", "Patch posted publicly", "releaseNowAt", at(early))));

    ResponseEntity<String> pushedOut = replan(caseId, Map.of("publicDisclosureAt", at(early.plus(Duration.ofDays(1))),
        "reason", "The release managers are away"));
    assertThat(pushedOut.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(pushedOut.getBody()).contains("publicDisclosureAt", "R15");
    assertThat(replan(caseId, Map.of("publicDisclosureAt", at(early.minus(Duration.ofDays(1))),
        "reason", "Even sooner")).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
  }

  @Test
  @DisplayName("R15 R14 a re-plan's reason does not by itself unlock a short embargo: it needs its own shortEmbargoReason")
  void replanReasonIsNoShortEmbargoReason() {
    String caseId = planned("R15 short embargo by re-plan", 14);
    String soon = at(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3)));
    ResponseEntity<String> refused = replan(caseId, Map.of("publicDisclosureAt", soon, "reason", "Holiday freeze"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("shortEmbargoReason");
    assertThat(replan(caseId, Map.of("publicDisclosureAt", soon, "reason", "Holiday freeze",
        "shortEmbargoReason", "Exploited in the wild")).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
  }

  @Test
  @DisplayName("R15 once public an embargo break is refused with 409; no open case is a 404")
  void afterDisclosure() {
    String caseId = cases.readyToRecordCve(http, "R15 break after disclosure");
    runtimeService.setVariable(cases.instance(caseId).getId(), "status", "PUBLIC_DISCLOSURE");
    assertThat(reportBreak(caseId).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("Task_AssessEmbargoBreak")
        .count()).isZero();
    assertThat(reportBreak("SEC-1999-0001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private String planned(String title, int days) {
    String caseId = cases.readyToPlan(http, title);
    Instant disclosure = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
    assertCompleted(plan(caseId, at(disclosure), null));
    return caseId;
  }

  private ResponseEntity<String> reportBreak(String caseId) {
    return http.withBasicAuth("demo-security", "demo-security").postForEntity("/api/v1/cases/" + caseId + "/embargo-breaks",
        Map.of("breachedBy", "Distro Two", "breachDescription", "Patch posted on a public mailing list"), String.class);
  }

  private ResponseEntity<String> decide(String caseId, Map<String, Object> values) {
    return cases.submit(http, "demo-security", caseId, "Task_AssessEmbargoBreak", values);
  }

  private ResponseEntity<String> replan(String caseId, Map<String, Object> body) {
    ResponseEntity<String> response = http.withBasicAuth("demo-security", "demo-security").exchange(
        "/api/v1/cases/" + caseId + "/disclosure-plan", HttpMethod.PUT, new HttpEntity<>(body), String.class);
    cases.runDueJobs(caseId);
    return response;
  }

  private ResponseEntity<String> plan(String caseId, String disclosure, String shortEmbargoReason) {
    Map<String, Object> values = new HashMap<>(Map.of("publicDisclosureAt", disclosure, "releaseAt", disclosure,
        "publicMessaging", "A fix ships today", "distributorContent", "PR https://github.com/example/private/pull/1",
        "releaseBranches", Map.of("value", "[\"release-0.6\"]", "type", "Json")));
    if (shortEmbargoReason != null) {
      values.put("shortEmbargoReason", shortEmbargoReason);
    }
    return cases.submit(http, "demo-security", caseId, "Task_PlanDisclosure", values);
  }

  private static String at(Instant instant) {
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.ofHours(1)).toString();
  }

  private String task(String caseId, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(key).singleResult().getId();
  }

  private Object variable(String caseId, String name) {
    return runtimeService.getVariable(cases.instance(caseId).getId(), name);
  }
}
