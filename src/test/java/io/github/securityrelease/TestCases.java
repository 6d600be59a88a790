package io.github.securityrelease;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** What the ITs do again and again: report a case, find it, run its due jobs. */
@Component
public class TestCases {

  /** What {@link #released} and {@link #published} enter. */
  public static final String RELEASE_VERSIONS = "v0.6.2, v0.5.4";
  public static final String BINARIES_LOCATION = "https://github.com/example/releases";
  public static final String RELEASE_NOTES_URL = "https://github.com/example/releases/tag/v0.6.2";
  public static final String ADVISORY_URL = "https://github.com/example/security/advisories/GHSA-1";
  public static final String TRACKING_ISSUE_URL = "https://github.com/example/issues/99";

  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;

  TestCases(RuntimeService runtimeService, ManagementService managementService, TaskService taskService) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
  }

  public static Map<String, Object> report(String title, String reporterEmail) {
    return Map.of(
        "title", title,
        "whatHappened", "The fleet controller logs the cluster's kubeconfig token at info level.",
        "expected", "No credentials in logs.",
        "howToReproduce", "Create a fleet with one attached cluster and read the controller logs.",
        "environment", Map.of("productVersion", "v0.6.0", "kubectlVersion", "v1.29.1"),
        "reporter", Map.of("name", "Ada Reporter", "email", reporterEmail));
  }

  public static ResponseEntity<Map> post(TestRestTemplate http, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity("/api/v1/reports", new HttpEntity<>(body, headers), Map.class);
  }

  /**
   * Claims the task and submits its form's variables through the engine REST API, as Tasklist
   * does, as {@code user}; checks first that Tasklist gets the task's form and that the form
   * has a field for each value. A value that is a map is sent as it is ({@code value}, {@code type}).
   */
  public ResponseEntity<String> submit(TestRestTemplate http, String user, String caseId, String taskKey,
      Map<String, Object> values) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(taskKey)
        .listPage(0, 1).stream().findFirst().orElse(null);
    assertThat(task).as(taskKey + " of " + caseId).isNotNull();
    TestRestTemplate as = http.withBasicAuth(user, user);
    ResponseEntity<String> form = as.getForEntity("/engine-rest/task/" + task.getId() + "/deployed-form", String.class);
    assertThat(form.getStatusCode()).as("Tasklist gets the form of " + taskKey).isEqualTo(HttpStatus.OK);
    assertThat(formKeys(form.getBody())).as("the form of " + taskKey + " has a field for each value")
        .containsAll(values.keySet());
    ResponseEntity<String> response = claimAndSubmit(as, user, task.getId(), values);
    runDueJobs(caseId);
    return response;
  }

  /**
   * Claims the task and submits {@code values} through the engine REST API as {@code as}
   * (authenticated as {@code user}), without looking at its form: what Tasklist sends.
   */
  public static ResponseEntity<String> claimAndSubmit(TestRestTemplate as, String user, String taskId,
      Map<String, Object> values) {
    as.exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST,
        new HttpEntity<>(Map.of("userId", user)), String.class);
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, value instanceof Map<?, ?> typed ? typed : Map.of("value", value)));
    return as.exchange("/engine-rest/task/" + taskId + "/submit-form",
        HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables)), String.class);
  }

  /**
   * A case reported, acknowledged, accepted (HIGH), fixed and given its CVE ID, through the
   * API and the tasks' forms as the team works it: it waits in "Plan disclosure".
   */
  public String readyToPlan(TestRestTemplate http, String title) {
    String caseId = readyToRecordCve(http, title);
    cveRecorded(http, caseId);
    return caseId;
  }

  /** As {@link #readyToPlan}, up to its CVE ID: the case waits in "Record assigned CVE". */
  public String readyToRecordCve(TestRestTemplate http, String title) {
    String caseId = readyToDescribeImpact(http, report(title, "ada@example.net"));
    impactDescribed(http, caseId);
    return caseId;
  }

  /** As {@link #readyToPlan}, from {@code report} up to "Describe vulnerability impact", where the case waits. */
  public String readyToDescribeImpact(TestRestTemplate http, Map<String, Object> report) {
    String caseId = (String) post(http, report).getBody().get("caseId");
    runDueJobs(caseId);
    acceptedAndFixed(http, caseId);
    return caseId;
  }

  /**
   * A case waiting in "Acknowledge report", however it was reported, acknowledged, accepted (HIGH)
   * and fixed: it waits in "Describe vulnerability impact".
   */
  public void acceptedAndFixed(TestRestTemplate http, String caseId) {
    submitted(http, "demo-security", caseId, "Task_AcknowledgeReport",
        Map.of("acknowledgementMessage", "Thank you: we are on it."));
    submitted(http, "demo-security", caseId, "Task_ValidateReport", Map.of("validationOutcome", "ACCEPTED",
        "cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", "affectedVersions", "v0.5.0 - v0.6.0"));
    submitted(http, "demo-maintainer", caseId, "Task_DevelopRemediation",
        Map.of("fixPullRequests", "PR https://github.com/example/private/pull/1"));
    submitted(http, "demo-security", caseId, "Task_ReviewRemediation", Map.of("remediationApproved", true));
  }

  /** From "Describe vulnerability impact" (the credit left as it is) to "Record assigned CVE". */
  public void impactDescribed(TestRestTemplate http, String caseId) {
    submitted(http, "demo-security", caseId, "Task_DescribeImpact", Map.of("impactDescription", "Tokens leak to the logs."));
    submitted(http, "demo-security", caseId, "Task_LaunchCveProcedure", Map.of("cveRequestReference", "CNA request 42"));
  }

  /** From "Record assigned CVE" to "Plan disclosure", with the case's own CVE ID ({@link #cveId}). */
  public void cveRecorded(TestRestTemplate http, String caseId) {
    submitted(http, "demo-security", caseId, "Task_RecordCve", Map.of("cveId", cveId(caseId)));
  }

  /**
   * As {@link #readyToPlan}, then planned (the release two hours before a disclosure 14 days
   * ahead), released and, once the disclosure's timer has fired, published: the case is public,
   * on the public advisory pages.
   */
  public String disclosed(TestRestTemplate http, String title) {
    String caseId = readyToPlan(http, title);
    Instant disclosure = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);
    assertCompleted(plan(http, caseId, disclosure.minus(Duration.ofHours(2)), disclosure, null));
    runDueJobsAt(disclosure.minus(Duration.ofHours(1)), caseId);
    released(http, caseId);
    runDueJobsAt(disclosure.plusSeconds(60), caseId);
    published(http, caseId);
    return caseId;
  }

  /**
   * Completes "Plan disclosure" as the team does: {@code disclosure} for the public disclosure and
   * the release, on both release branches, the advance notice 7 days before.
   */
  public ResponseEntity<String> plan(TestRestTemplate http, String caseId, Instant disclosure, String shortEmbargoReason) {
    return plan(http, caseId, disclosure, disclosure, shortEmbargoReason);
  }

  /** As {@link #plan(TestRestTemplate, String, Instant, String)}, the release at {@code release}, before the disclosure. */
  public ResponseEntity<String> plan(TestRestTemplate http, String caseId, Instant release, Instant disclosure,
      String shortEmbargoReason) {
    Map<String, Object> values = new HashMap<>(Map.of(
        "publicDisclosureAt", OffsetDateTime.ofInstant(disclosure, ZoneOffset.ofHours(1)).toString(),
        "releaseAt", OffsetDateTime.ofInstant(release, ZoneOffset.ofHours(1)).toString(),
        "publicMessaging", "A fix for the token leak ships today",
        "distributorContent", "PR https://github.com/example/private/pull/1; reproduce with a fleet",
        "releaseBranches", Map.of("value", "[\"release-0.6\",\"release-0.5\"]", "type", "Json"), "advanceNoticeDays", 7));
    if (shortEmbargoReason != null) {
      values.put("shortEmbargoReason", shortEmbargoReason);
    }
    return submit(http, "demo-security", caseId, "Task_PlanDisclosure", values);
  }

  /** Release day come: the fix picked onto master and both release branches, the releases built and verified. */
  public void released(TestRestTemplate http, String caseId) {
    for (int i = 0; i < 3; i++) {
      submitted(http, "demo-release", caseId, "Task_CherryPickFix", Map.of("commit", "a1b2c3d" + i));
    }
    submitted(http, "demo-release", caseId, "Task_BuildAndVerifyRelease", Map.of("releaseVersions", RELEASE_VERSIONS,
        "binariesLocation", BINARIES_LOCATION, "binariesVerified", true));
  }

  /** In PUBLIC_DISCLOSURE: the release notes, the advisory and the tracking issue published; the case is disclosed. */
  public void published(TestRestTemplate http, String caseId) {
    submitted(http, "demo-release", caseId, "Task_PublishReleaseNotes", Map.of("releaseNotesUrl", RELEASE_NOTES_URL));
    submitted(http, "demo-security", caseId, "Task_PublishAdvisory", Map.of("advisoryUrl", ADVISORY_URL));
    submitted(http, "demo-security", caseId, "Task_OpenTrackingIssue", Map.of("trackingIssueUrl", TRACKING_ISSUE_URL));
    runDueJobs(caseId);
  }

  /**
   * The subjects of the mails that tell the reporter of each step of an accepted case, in
   * order, from the acknowledgement to the advisory, with one re-plan (R28).
   */
  public static List<String> progressSubjects(String caseId, String cveId) {
    return List.of("[" + caseId + "] Your vulnerability report is acknowledged",
        "[" + caseId + "] Your report is accepted as a vulnerability",
        "[" + caseId + "] Public disclosure date set",
        "[" + caseId + "] New public disclosure date",
        "[" + caseId + "] " + cveId + " is public: the advisory is out");
  }

  /**
   * The CVE ID {@link #readyToPlan} records for a case: its own, since one CVE ID names one
   * case (R12). SEC-2026-0042 gets CVE-2026-100042.
   */
  public static String cveId(String caseId) {
    String[] parts = caseId.split("-");
    return "CVE-" + parts[1] + "-" + (100000 + Integer.parseInt(parts[2]));
  }

  private void submitted(TestRestTemplate http, String user, String caseId, String taskKey, Map<String, Object> values) {
    assertCompleted(submit(http, user, caseId, taskKey, values));
  }

  public static void assertCompleted(ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static List<String> formKeys(String form) {
    try {
      List<String> keys = new ArrayList<>();
      new ObjectMapper().readTree(form).get("components").forEach(component -> keys.add(component.path("key").asText()));
      return keys;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The running instance of a case, an application or a membership, by its business key; not a
   * reporter-message instance (R28), which carries its case's ID as business key too.
   */
  public ProcessInstance instance(String businessKey) {
    List<ProcessInstance> own = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .list().stream().filter(instance -> !instance.getProcessDefinitionId().startsWith("reporter-message:")).toList();
    if (own.size() > 1) {
      throw new IllegalStateException(own.size() + " instances have the business key " + businessKey);
    }
    return own.isEmpty() ? null : own.get(0);
  }

  /**
   * Executes the due jobs of the instances of {@code processKey} that carry the case ID as their
   * business key beside the case's own (the messages to the reporter, R28).
   */
  public void runDueJobs(String processKey, String caseId) {
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(caseId).list()) {
      managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()
          .forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  /** Moves the engine clock to {@code instant} and executes the case's jobs due then. */
  public void runDueJobsAt(Instant instant, String caseId) {
    ClockUtil.setCurrentTime(Date.from(instant));
    runDueJobs(caseId);
  }

  /** Executes the case's jobs that are due now by the engine clock, until none is left. */
  public void runDueJobs(String caseId) {
    for (int round = 0; round < 20; round++) {
      ProcessInstance instance = instance(caseId);
      if (instance == null) {
        return;
      }
      List<Job> due = managementService.createJobQuery().processInstanceId(instance.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new IllegalStateException("Jobs of " + caseId + " keep coming");
  }

  /**
   * The jobs of the case's reporter-message instances (R28: the team's messages, the alerts of
   * the reporter's answers), as the job executor would run them; every instance has ended then.
   */
  public void runConversationJobs(String caseId) {
    runDueJobs("reporter-message", caseId);
    assertThat(conversationInstances(caseId)).as("every message went, every instance ended").isEmpty();
  }

  private List<ProcessInstance> conversationInstances(String caseId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("reporter-message")
        .processInstanceBusinessKey(caseId).list();
  }
}
