package io.github.securityrelease.intake;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@OrchestratorIntegrationTest
class ReportIntakeIT {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TestCases cases;

  @Test
  @DisplayName("R1 a report becomes a case: 201, case ID, Location, a running process with the report")
  void reportBecomesCase() {
    Instant before = Instant.now();
    ResponseEntity<Map> response = post(http, report("Token leak in controller logs", "ada@example.net"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseId = (String) response.getBody().get("caseId");
    assertThat(caseId).matches("SEC-\\d{4}-\\d{4,}");
    assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/cases/" + caseId);
    Instant dueBy = Instant.parse((String) response.getBody().get("acknowledgementDueBy"));
    assertThat(dueBy).isAfter(before.plus(Duration.ofDays(1)));

    ProcessInstance instance = cases.instance(caseId);
    assertThat(instance).isNotNull();
    assertThat(instance.getProcessDefinitionId()).startsWith("vulnerability-handling:");
    Map<String, Object> variables = runtimeService.getVariables(instance.getId());
    assertThat(variables)
        .containsEntry("caseId", caseId)
        .containsEntry("status", "REPORTING")
        .containsEntry("title", "Token leak in controller logs")
        .containsEntry("howToReproduce", "Create a fleet with one attached cluster and read the controller logs.")
        .containsEntry("productVersion", "v0.6.0")
        .containsEntry("kubectlVersion", "v1.29.1")
        .containsEntry("reporterName", "Ada Reporter")
        .containsEntry("reporterEmail", "ada@example.net")
        .containsEntry("publiclyDisclosed", false)
        .containsKeys("reportedAt", "acknowledgementDueBy", "whatHappened", "expected");
    assertThat((String) variables.get("acknowledgementDueByText")).as("the deadline as the acknowledge form shows it")
        .contains(" UTC (", " Europe/Berlin)").doesNotContain("T0", "T1", "T2");
  }

  @Test
  @DisplayName("a report that is public already names where")
  void publicReport() {
    Map<String, Object> report = new HashMap<>(report("Known issue", "bob@example.net"));
    report.put("publiclyDisclosed", true);
    report.put("publicReference", "https://github.com/example/issues/1");
    ResponseEntity<Map> response = post(http, report);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseId = (String) response.getBody().get("caseId");
    assertThat(runtimeService.getVariables(cases.instance(caseId).getId()))
        .containsEntry("publiclyDisclosed", true)
        .containsEntry("publicReference", "https://github.com/example/issues/1");
  }

  @Test
  @DisplayName("R1 bad input gets 4xx problem+json, starts nothing and uses up no case ID (each field: ReportControllerTest)")
  void badInputUsesUpNothing() {
    String lastBefore = lastCaseId();
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();

    Map<String, Object> missing = Map.of("expected", "something", "reporter", Map.of("name", "x"));
    assertBadFields(missing, "title", "whatHappened", "howToReproduce", "reporter.email");
    Map<String, Object> unknown = new HashMap<>(report("ok", "ada@example.net"));
    unknown.put("severity", "CRITICAL");
    assertBadFields(unknown, "severity");
    assertStatus(send("{\"title\": ", MediaType.APPLICATION_JSON), HttpStatus.BAD_REQUEST);
    assertStatus(send("title=x", MediaType.APPLICATION_FORM_URLENCODED), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    String huge = "{\"title\": \"x\", \"whatHappened\": \"" + "a".repeat(70 * 1024) + "\"}";
    assertStatus(send(huge, MediaType.APPLICATION_JSON), HttpStatus.PAYLOAD_TOO_LARGE);

    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    String next = (String) post(http, report("After the bad ones", "ada@example.net")).getBody().get("caseId");
    assertThat(number(next)).as("no case ID was used up").isEqualTo(number(lastBefore) + 1);
  }

  @Test
  @DisplayName("case IDs stay unique and sequential under concurrent reports")
  void concurrentReports() throws Exception {
    String lastBefore = lastCaseId();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<String>> reports = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String title = "Concurrent report " + i;
      reports.add(() -> (String) post(http, report(title, "ada@example.net")).getBody().get("caseId"));
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> id : pool.invokeAll(reports)) {
      ids.add(id.get());
    }
    pool.shutdown();
    Set<Long> numbers = ids.stream().map(ReportIntakeIT::number).collect(Collectors.toSet());
    assertThat(numbers).hasSize(24);
    long first = number(lastBefore) + 1;
    assertThat(numbers).allMatch(n -> n >= first && n < first + 24);
  }

  private String lastCaseId() {
    return (String) post(http, report("Marker", "ada@example.net")).getBody().get("caseId");
  }

  private static long number(String caseId) {
    return Long.parseLong(caseId.substring(caseId.lastIndexOf('-') + 1));
  }

  @SuppressWarnings("unchecked")
  private void assertBadFields(Map<String, Object> body, String... fields) {
    ResponseEntity<Map> response = post(http, body);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
    assertThat(errors).extracting(error -> error.get("field")).contains(fields);
  }

  private ResponseEntity<String> send(String body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    return http.postForEntity("/api/v1/reports", new HttpEntity<>(body, headers), String.class);
  }

  private static void assertStatus(ResponseEntity<String> response, HttpStatus status) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
