package io.github.securityrelease.intake;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * R1: a report that came by e-mail, recorded by the security team with the process's start
 * form (Tasklist's "Start process"; here its REST call): checked as the intake checks a
 * report, and a case like any other.
 */
@OrchestratorIntegrationTest
class MailedReportIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TestCases cases;

  @Test
  @DisplayName("R1 R28 the security team records a mailed report with the start form: a case, its ID, the reporter's credit, a receipt")
  void mailedReportBecomesCase() throws Exception {
    ResponseEntity<String> form = asSecurityTeam().getForEntity(
        "/engine-rest/process-definition/key/vulnerability-handling/deployed-start-form", String.class);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody()).contains("\"id\" : \"form-record-mailed-report\"".replace(" : ", ": "));

    ResponseEntity<Map> started = submit(asSecurityTeam(), Map.of(
        "title", "Token in a mail",
        "whatHappened", "The controller logs the token.",
        "howToReproduce", "Run it with -v=6.",
        "reporterName", "Ada",
        "reporterEmail", "ada@example.net",
        "productVersion", "",
        "credit", " Ada (@ada) ",
        "publiclyDisclosed", false));
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    String caseId = (String) started.getBody().get("businessKey");
    assertThat(caseId).matches("SEC-\\d{4}-\\d{4,}");

    ProcessInstance instance = cases.instance(caseId);
    Map<String, Object> variables = runtimeService.getVariables(instance.getId());
    assertThat(variables).containsEntry("caseId", caseId).containsEntry("status", "REPORTING")
        .containsEntry("receivedBy", "demo-security").containsEntry("reporterEmail", "ada@example.net")
        .containsEntry("productVersion", null).containsEntry("credit", "Ada (@ada)").containsKeys("reportedAt", "acknowledgementDueBy", "fixDueBy");

    cases.runDueJobs(caseId);
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(TestSmtp::subject))
        .anyMatch(subject -> subject.contains(caseId));

    String next = (String) post(http, report("Through the API", "bob@example.net")).getBody().get("caseId");
    assertThat(number(next)).isEqualTo(number(caseId) + 1);
  }

  @Test
  @DisplayName("R1 R28 a mailed report is checked as a posted one (the credit too): a 400 naming each field, and no case ID used")
  void badMailedReportIsRefused() {
    String before = (String) post(http, report("Before", "bob@example.net")).getBody().get("caseId");
    Map<String, Object> bad = new HashMap<>(Map.of(
        "title", "Two\nlines",
        "whatHappened", "x",
        "howToReproduce", "y",
        "reporterEmail", "not an address",
        "credit", "Ada\u0007",
        "publiclyDisclosed", true));
    ResponseEntity<Map> refused = submit(asSecurityTeam(), bad);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message"))
        .contains("title: must be a single line", "reporterEmail: ", "publicReference: is required",
            "credit: must be a single line without control characters");

    String after = (String) post(http, report("After", "bob@example.net")).getBody().get("caseId");
    assertThat(number(after)).as("no case ID used up").isEqualTo(number(before) + 1);
  }

  @Test
  @DisplayName("R1 only the security team records reports with the start form")
  void onlyTheSecurityTeamStartsCases() {
    ResponseEntity<Map> refused = submit(http.withBasicAuth("demo-maintainer", "demo-maintainer"), Map.of(
        "title", "t", "whatHappened", "x", "howToReproduce", "y", "reporterEmail", "ada@example.net"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(submit(http, Map.of("title", "t")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @DisplayName("R1 a case starts at its start event: starting it at a chosen activity, past its checks, is refused")
  void noStartAtChosenActivities() {
    long cases = runtimeService.createProcessInstanceQuery().processDefinitionKey("vulnerability-handling").count();
    Map<String, Object> start = Map.of(
        "businessKey", "SEC-2026-9999",
        "variables", Map.of("title", Map.of("value", "Planned without a report")),
        "skipCustomListeners", true,
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_PlanDisclosure")));
    ResponseEntity<String> refused = asSecurityTeam().postForEntity(
        "/engine-rest/process-definition/key/vulnerability-handling/start", start, String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("started at its start event");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("vulnerability-handling").count())
        .as("no case made").isEqualTo(cases);
  }

  private TestRestTemplate asSecurityTeam() {
    return http.withBasicAuth("demo-security", "demo-security");
  }

  private static ResponseEntity<Map> submit(TestRestTemplate as, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return as.postForEntity("/engine-rest/process-definition/key/vulnerability-handling/submit-form",
        Map.of("variables", variables), Map.class);
  }

  private static long number(String caseId) {
    return Long.parseLong(caseId.substring(caseId.lastIndexOf('-') + 1));
  }
}
