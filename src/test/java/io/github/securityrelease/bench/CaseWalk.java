package io.github.securityrelease.bench;

import static io.github.securityrelease.cases.CaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.TestCases;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * One case from report to disclosure, as DisclosureTimelineIT walks it, on the service's model
 * or on the engine's floor ({@link EngineSkeleton}): the same tasks completed through the
 * engine REST API with the same variables, the same timers fired by moving the engine clock,
 * the same jobs executed. The walk's own look-ups are not counted.
 */
final class CaseWalk {

  private final TestRestTemplate http;
  private final StatementCounter statements;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private boolean floor;
  private String key;

  CaseWalk(TestRestTemplate http, StatementCounter statements, RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService, HistoryService historyService) {
    this.http = http;
    this.statements = statements;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.historyService = historyService;
  }

  /** Walks one case; {@code floor} on the skeleton, else through the service. Returns its business key. */
  String walk(boolean onFloor, int number) {
    this.floor = onFloor;
    try {
      key = floor ? startSkeleton(number) : report(number);
      runDueJobs();
      complete("demo-security", "Task_AcknowledgeReport", Map.of("acknowledgementMessage", "Thank you: we are on it."));
      Map<String, Object> validation = new HashMap<>(Map.of("validationOutcome", "ACCEPTED",
          "cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", "affectedVersions", "v0.5.0 - v0.6.0"));
      if (floor) {
        validation.put(SEVERITY, "HIGH"); // the service computes it; the decision needs it
      }
      complete("demo-security", "Task_ValidateReport", validation);
      complete("demo-maintainer", "Task_DevelopRemediation", Map.of("fixPullRequests", "PR https://github.com/example/private/pull/1"));
      complete("demo-security", "Task_ReviewRemediation", Map.of("remediationApproved", true));
      complete("demo-security", "Task_DescribeImpact", Map.of("impactDescription", "Tokens leak to the logs."));
      complete("demo-security", "Task_LaunchCveProcedure", Map.of("cveRequestReference", "CNA request 42"));
      complete("demo-security", "Task_RecordCve", Map.of("cveId", floor ? "CVE-2026-12345" : TestCases.cveId(key)));
      Instant disclosure = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);
      complete("demo-security", "Task_PlanDisclosure", plan(disclosure));
      moveTo(disclosure.minus(Duration.ofDays(7)).plusSeconds(60));
      moveTo(disclosure.minus(Duration.ofHours(24)).plusSeconds(60));
      moveTo(disclosure.plusSeconds(60));
      for (int branch = 0; branch < 3; branch++) {
        complete("demo-release", "Task_CherryPickFix", Map.of("commit", "a1b2c3d" + branch));
      }
      complete("demo-release", "Task_BuildAndVerifyRelease", Map.of("releaseVersions", "v0.6.2, v0.5.4",
          "binariesLocation", "https://github.com/example/releases", "binariesVerified", true));
      complete("demo-release", "Task_PublishReleaseNotes", Map.of("releaseNotesUrl", "https://github.com/example/releases/tag/v0.6.2"));
      complete("demo-security", "Task_PublishAdvisory", Map.of("advisoryUrl", "https://github.com/example/security/advisories/GHSA-1"));
      complete("demo-security", "Task_OpenTrackingIssue", Map.of("trackingIssueUrl", "https://github.com/example/issues/99"));
      long ended = statements.uncounted(() -> {
        String id = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(id)
            .activityId("EndEvent_Disclosed").finished().count();
      });
      assertThat(ended).as("%s reached its end", key).isEqualTo(1L);
      return key;
    } finally {
      ClockUtil.reset();
    }
  }

  private String report(int number) {
    ResponseEntity<Map> created = TestCases.post(http, TestCases.report("Token leak " + number, "ada@example.net"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) created.getBody().get("caseId");
  }

  /** Started with the variables the service's intake gives a case (ReportIntake). */
  private String startSkeleton(int number) {
    String businessKey = "FLOOR-" + number + "-" + System.nanoTime();
    Map<String, Object> variables = ReportedCase.variables(businessKey, "Token leak " + number,
        "The fleet controller logs the cluster's kubeconfig token at info level.",
        ClockUtil.getCurrentTime().toInstant(), "in 2 business days", Duration.ofDays(7));
    runtimeService.startProcessInstanceByKey(EngineSkeleton.KEY, businessKey, variables);
    return businessKey;
  }

  /** The plan form's values; the floor gets the notice dates the service's listener computes. */
  private Map<String, Object> plan(Instant disclosure) {
    String at = OffsetDateTime.ofInstant(disclosure, ZoneOffset.ofHours(1)).toString();
    Map<String, Object> values = new LinkedHashMap<>(Map.of("publicDisclosureAt", at, "releaseAt", at,
        "publicMessaging", "A fix for the token leak ships today",
        "distributorContent", "PR https://github.com/example/private/pull/1; reproduce with a fleet",
        "releaseBranches", Map.of("value", "[\"release-0.6\",\"release-0.5\"]", "type", "Json")));
    if (floor) {
      values.put(ADVANCE_NOTICE_AT, restDate(disclosure.minus(Duration.ofDays(7))));
      values.put(RELEASE_NOTICE_AT, restDate(disclosure.minus(Duration.ofHours(24))));
    }
    return values;
  }

  private static Map<String, Object> restDate(Instant instant) {
    return Map.of("value", new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(Date.from(instant)), "type", "Date");
  }

  private void complete(String user, String taskKey, Map<String, Object> values) {
    Task task = statements.uncounted(() -> taskService.createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(taskKey).listPage(0, 1).stream().findFirst().orElse(null));
    assertThat(task).as(taskKey + " of " + key).isNotNull();
    ResponseEntity<String> response = TestCases.claimAndSubmit(http.withBasicAuth(user, user), user, task.getId(), values);
    assertThat(response.getStatusCode()).as(taskKey + ": " + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    runDueJobs();
  }

  private void moveTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
    runDueJobs();
  }

  /** Executes the case's due jobs until none is left; only the execution counts. */
  private void runDueJobs() {
    for (int round = 0; round < 20; round++) {
      List<Job> due = statements.uncounted(() -> {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
        return instance == null ? List.<Job>of()
            : managementService.createJobQuery().processInstanceId(instance.getId()).executable().list();
      });
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new IllegalStateException("Jobs of " + key + " keep coming");
  }
}
