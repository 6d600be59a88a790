package io.github.securityrelease.security;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestDistributors;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.WebappSession;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The authorization matrix of docs/security.md, cell by cell, through the real HTTP endpoints:
 * each group of DESIGN.md (and no credentials at all) against each operation. The expected
 * answers are in {@code authorization-matrix.csv}, the same table as docs/security.md's.
 */
@OrchestratorIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server().withPerMethodLifecycle(false);

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @LocalServerPort int port;

  private String caseId;
  private String processInstanceId;
  private long distributorId;

  @BeforeAll
  void aCaseWaitingForItsAcknowledgement() {
    caseId = (String) post(http, report("Matrix case", "ada@example.net")).getBody().get("caseId");
    cases.runDueJobs(caseId);
    processInstanceId = cases.instance(caseId).getId();
    String organisation = "Matrix distributor " + System.nanoTime();
    distributorId = TestDistributors.imported(http, organisation, "security@matrix.example");
    TestDistributors.deactivated(http, distributorId, organisation, "security@matrix.example");
  }

  @ParameterizedTest(name = "R27 {0} by {1} -> {2}")
  @CsvFileSource(resources = "/authorization-matrix.csv", numLinesToSkip = 1)
  void cell(String operation, String user, String expected) throws Exception {
    String answer = switch (operation) {
      case "report" -> status(api(user, HttpMethod.POST, "/api/v1/reports",
          Map.of("title", "x", "whatHappened", "y", "howToReproduce", "z", "reporter", Map.of("email", "a@b.example"))));
      case "see case state" -> status(api(user, HttpMethod.GET, "/api/v1/cases/" + caseId, null));
      case "read case details" -> status(api(user, HttpMethod.GET,
          "/engine-rest/process-instance/" + processInstanceId + "/variables", null));
      case "see case tasks" -> tasks(user);
      case "work case tasks" -> claim(user);
      case "edit distributors" -> status(api(user, HttpMethod.GET, "/api/v1/distributors", null));
      case "add a distributor directly" -> status(api(user, HttpMethod.POST, "/api/v1/distributors",
          TestDistributors.entry("Matrix direct " + user + " " + System.nanoTime(), "security@direct.example")));
      case "import distributors" -> status(api(user, HttpMethod.POST, "/api/v1/distributors/imports",
          Map.of("distributors", List.of(TestDistributors.entry("Matrix import " + user + " " + System.nanoTime(),
              "security@import.example")))));
      case "apply to the distributors list" -> status(api(user, HttpMethod.POST, "/api/v1/distributor-applications",
          application("Matrix applicant " + user + " " + System.nanoTime())));
      case "record a leak" -> status(api(user, HttpMethod.POST, "/api/v1/distributors/" + distributorId + "/leaks",
          Map.of("whatLeaked", "x", "leakedTo", "y", "stepsTaken", "z")));
      case "read leaks" -> status(api(user, HttpMethod.GET, "/api/v1/distributors/" + distributorId + "/leaks", null));
      case "propose a removal" -> status(api(user, HttpMethod.POST,
          "/api/v1/distributors/" + distributorId + "/removal-proposals", Map.of("reason", "x")));
      case "re-plan" -> status(api(user, HttpMethod.PUT, "/api/v1/cases/" + caseId + "/disclosure-plan",
          Map.of("publicDisclosureAt", "2030-01-01T15:00+00:00")));
      case "record a break" -> status(api(user, HttpMethod.POST, "/api/v1/cases/" + caseId + "/embargo-breaks",
          Map.of("breachedBy", "x", "breachDescription", "y")));
      // R4: the matrix case is not accepted yet, so the team's answer is the 409 of the state, and nothing changes
      case "reject a case" -> status(api(user, HttpMethod.POST, "/api/v1/cases/" + caseId + "/rejection",
          Map.of("reason", "NOT_A_VULNERABILITY", "explanation", "Matrix rejection by " + user)));
      case "read the ledger" -> status(api(user, HttpMethod.GET, "/api/v1/cases/" + caseId + "/notifications", null));
      case "read the forge calls" -> status(api(user, HttpMethod.GET, "/api/v1/cases/" + caseId + "/forge-calls", null));
      case "read the release assets" -> status(api(user, HttpMethod.GET, "/api/v1/cases/" + caseId + "/release-assets", null));
      case "case timeline (ics)" -> status(api(user, HttpMethod.GET, "/api/v1/cases/" + caseId + "/timeline.ics", null));
      case "calendar (ics)" -> status(api(user, HttpMethod.GET, "/api/v1/calendar.ics", null));
      case "list own tokens" -> status(api(user, HttpMethod.GET, "/api/v1/tokens", null));
      case "read the audit log" -> status(api(user, HttpMethod.GET, "/api/v1/audit", null));
      // R28: the reporter's side of a case, the security team's alone (R27: managers see no message)
      case "read the conversation" -> status(api(user, HttpMethod.GET, "/api/v1/cases/" + caseId + "/messages", null));
      case "write to the reporter" -> status(api(user, HttpMethod.POST, "/api/v1/cases/" + caseId + "/messages",
          Map.of("body", "Matrix message from " + user)));
      case "list a report's files" -> status(api(user, HttpMethod.GET, "/api/v1/cases/" + caseId + "/attachments", null));
      // the matrix case came through the API, with no file: the team's answer is the 404 of a file it has not
      case "download a report's file" -> status(api(user, HttpMethod.GET,
          "/api/v1/cases/" + caseId + "/attachments/1", null));
      case "correct the credit" -> status(api(user, HttpMethod.PUT, "/api/v1/cases/" + caseId + "/credit",
          Map.of("credit", "Matrix credit by " + user)));
      case "revoke the reporter's links" -> status(api(user, HttpMethod.DELETE,
          "/api/v1/cases/" + caseId + "/reporter-link", null));
      case "renew the reporter's link" -> status(api(user, HttpMethod.POST,
          "/api/v1/cases/" + caseId + "/reporter-link", null));
      // an unknown user: the answer tells who may ask without changing anybody's membership
      case "nominate" -> status(api(user, HttpMethod.POST, "/api/v1/team/nominations",
          Map.of("userId", "nobody-known", "reason", "matrix")));
      case "step down for another" -> status(api(user, HttpMethod.POST,
          "/api/v1/team/members/nobody-known/step-down", null));
      case "cockpit", "tasklist", "admin" -> String.valueOf(webappLogin(user, operation));
      case "engine REST" -> status(api(user, HttpMethod.GET, "/engine-rest/process-definition", null));
      case "metrics" -> status(api(user, HttpMethod.GET, "/actuator/prometheus", null));
      case "API description" -> status(api(user, HttpMethod.GET, "/v3/api-docs", null));
      // the acknowledgement deadline's timer: nobody runs a case's job by hand (the engine's job executor does)
      // the engine's password check for any user, past the login throttle: nobody's
      case "verify a password" -> status(api(user, HttpMethod.POST, "/engine-rest/identity/verify",
          Map.of("username", "demo-security", "password", "demo-security")));
      case "run a job" -> status(api(user, HttpMethod.POST, "/engine-rest/job/" + timerJobId() + "/execute", null));
      // as Cockpit's Retry on an incident does; the timer keeps the retries it has
      case "retry a failed job" -> status(api(user, HttpMethod.PUT, "/engine-rest/job/" + timerJobId() + "/retries",
          Map.of("retries", managementService.createJobQuery().jobId(timerJobId()).singleResult().getRetries())));
      default -> throw new IllegalArgumentException(operation);
    };
    assertThat(answer).as(operation + " by " + user).isEqualTo(expected);
  }

  private String timerJobId() {
    return managementService.createJobQuery().processInstanceId(processInstanceId).timers().singleResult().getId();
  }

  private static Map<String, Object> application(String organisation) {
    return Map.of("organisation", organisation, "contacts", List.of("security@applicant.example"),
        "securityAlias", "security@applicant.example", "userBase", "u", "trackRecord", "t", "notDownstream", "n",
        "activeContributor", "a", "embargoPolicyAccepted", true, "contributeBack", "c", "vouchedBy", "demo-security");
  }

  private ResponseEntity<String> api(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate as = "none".equals(user) ? http : http.withBasicAuth(user, user);
    return as.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private static String status(ResponseEntity<String> response) {
    return String.valueOf(response.getStatusCode().value());
  }

  /** The engine filters what a user may not see: "tasks" when the case's task shows, else "none" (or the status). */
  private String tasks(String user) {
    ResponseEntity<String> response = api(user, HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + caseId, null);
    if (response.getStatusCode().value() != 200) {
      return status(response);
    }
    return response.getBody().contains("Task_AcknowledgeReport") ? "tasks" : "none";
  }

  /** Claims the case's task (and hands it back, so that the next cell starts from the same state). */
  private String claim(String user) {
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult().getId();
    ResponseEntity<String> claimed = api(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim",
        Map.of("userId", user));
    if (claimed.getStatusCode().is2xxSuccessful()) {
      taskService.setAssignee(taskId, null);
    }
    return status(claimed);
  }

  private int webappLogin(String user, String app) {
    String name = "none".equals(user) ? "" : user;
    return WebappSession.login(port, app, name, name).loginStatus();
  }
}
