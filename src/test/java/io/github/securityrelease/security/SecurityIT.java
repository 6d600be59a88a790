package io.github.securityrelease.security;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.WebappSession;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The security baseline: what is open, what needs a login, and what each group may do. */
@OrchestratorIntegrationTest
class SecurityIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;
  @Autowired TestCases cases;
  @LocalServerPort int port;

  private String caseId;

  @BeforeEach
  void aCase() {
    caseId = (String) post(http, report("Security baseline case", "ada@example.net")).getBody().get("caseId");
  }

  @ParameterizedTest(name = "R27 {0} {1} without credentials -> 401")
  @CsvSource({
      "GET, /engine-rest/task",
      "GET, /engine-rest/process-instance",
      "GET, /engine-rest/variable-instance",
      "GET, /engine-rest/user",
      "POST, /engine-rest/process-definition/key/vulnerability-handling/start",
      "GET, /api/v1/cases/SEC-2026-0001",
      "GET, /api/v1/cases/SEC-2026-0001/notifications",
      "GET, /api/v1/reports",
      "GET, /actuator/env"})
  void closedWithoutCredentials(HttpMethod method, String path) {
    ResponseEntity<String> response = http.exchange(path, method, json("{}"), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
  }

  @Test
  @DisplayName("R27 wrong credentials are refused like none")
  void wrongPassword() {
    assertThat(http.withBasicAuth("demo-security", "wrong").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    identityService.unlockUser("demo-security"); // Camunda delays the next login after a wrong password
  }

  @Test
  @DisplayName("R1 only the report intake, the report page and health are open")
  void openEndpoints() {
    assertThat(http.getForEntity("/report", String.class).getBody()).contains("Report a vulnerability");
    // the job executor is off in these tests; RestartIT sees the health of a normal run
    assertThat(http.getForEntity("/actuator/health", String.class).getBody()).contains("processEngine");
    assertThat(caseId).startsWith("SEC-");
  }

  @ParameterizedTest(name = "R27 {0}: {1} {2} -> {3}")
  @CsvSource({
      "demo-security,   GET, /api/v1/cases/{case}/notifications, 200",
      "demo-manager,    GET, /api/v1/cases/{case}/notifications, 403",
      "demo-maintainer, GET, /api/v1/cases/{case}/notifications, 403",
      "demo-associate,  GET, /api/v1/cases/{case}/notifications, 403",
      "demo-release,    GET, /api/v1/cases/{case}/notifications, 403",
      "demo-security,   GET, /api/v1/cases/{case}, 200",
      "demo-manager,    GET, /api/v1/cases/{case}, 200",
      "demo-maintainer, GET, /api/v1/cases/{case}, 403",
      "demo-release,    GET, /api/v1/cases/{case}, 403",
      "demo-security,   GET, /api/v1/cases/SEC-1999-0001, 404",
      "demo-manager,    POST, /engine-rest/process-definition/key/vulnerability-handling/start, 403",
      "demo-maintainer, POST, /engine-rest/process-definition/key/vulnerability-handling/start, 403",
      "demo-manager,    POST, /engine-rest/user/create, 403",
      "demo-security,   POST, /engine-rest/user/create, 403",
      "demo-security,   GET, /engine-rest/task, 200"})
  void groupRights(String user, HttpMethod method, String path, int status) {
    ResponseEntity<String> response = http.withBasicAuth(user, user)
        .exchange(path.replace("{case}", caseId), method, json("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder-password\"}}"), String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(status);
  }

  @Test
  @DisplayName("R27 the engine hides what a group may not see: empty results, not errors")
  void engineFiltersResults() {
    cases.runDueJobs(caseId);
    assertThat(engine("demo-security", "/engine-rest/task?processInstanceBusinessKey=" + caseId)).contains("Acknowledge report");
    assertThat(engine("demo-manager", "/engine-rest/task?processInstanceBusinessKey=" + caseId)).isEqualTo("[]");
    assertThat(engine("demo-maintainer", "/engine-rest/task?processInstanceBusinessKey=" + caseId)).isEqualTo("[]");
    assertThat(engine("demo-manager", "/engine-rest/process-instance?businessKey=" + caseId)).contains(caseId);
    assertThat(engine("demo-manager", "/engine-rest/variable-instance?variableName=title")).isEqualTo("[]");
    assertThat(engine("demo-manager", "/engine-rest/history/variable-instance?variableName=title")).isEqualTo("[]");
    assertThat(engine("demo-maintainer", "/engine-rest/process-instance?businessKey=" + caseId)).isEqualTo("[]");
    assertThat(engine("demo-security", "/engine-rest/variable-instance?variableName=title")).contains("Security baseline case");
  }

  @Test
  @DisplayName("R27 managers read a case's state, never its report")
  void managersSeeStateOnly() {
    cases.runDueJobs(caseId);
    String state = engine("demo-manager", "/api/v1/cases/" + caseId);
    assertThat(state).contains("\"status\":\"REPORTING\"", "Task_AcknowledgeReport").doesNotContain("Security baseline case");
  }

  @ParameterizedTest(name = "R27 {0} logs in to {1} -> {2}")
  @CsvSource({
      "demo-security,   tasklist, 200",
      "demo-associate,  tasklist, 200",
      "demo-maintainer, tasklist, 200",
      "demo-release,    tasklist, 200",
      "demo-manager,    tasklist, 403",
      "demo-manager,    cockpit,  200",
      "demo-security,   cockpit,  403",
      "demo-maintainer, cockpit,  403",
      "demo-admin,      admin,    200",
      "demo-admin,      cockpit,  200",
      "demo-security,   admin,    403",
      "demo-manager,    admin,    403"})
  void webappAccess(String user, String app, int status) {
    assertThat(WebappSession.login(port, app, user, user).loginStatus()).isEqualTo(status);
  }

  private String engine(String user, String path) {
    ResponseEntity<String> response = http.withBasicAuth(user, user).getForEntity(path, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

}
