package io.github.securityrelease.intake;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

/**
 * R28 in the whole service: the reporter's credit from the report to the advisory, the team's
 * correction through the API and in "Describe vulnerability impact", and its end at the disclosure.
 */
@OrchestratorIntegrationTest
class CreditIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @Test
  @DisplayName("R28 a report's credit is in the advisory (OSV FINDER, CVE finder); the team corrects it, on the case's record; empty names the reporter nowhere")
  void reportToAdvisory() throws Exception {
    String caseId = reported("  Ada Lovelace (@ada)  ");
    assertThat(variable(caseId, "credit")).isEqualTo("Ada Lovelace (@ada)");
    runtimeService.setVariable(cases.instance(caseId).getId(), "cveId", "CVE-2026-12346");
    assertThat(osv(caseId).at("/credits/0/name").asText()).isEqualTo("Ada Lovelace (@ada)");
    assertThat(osv(caseId).at("/credits/0/type").asText()).isEqualTo("FINDER");
    assertThat(cna(caseId).at("/credits/0/value").asText()).isEqualTo("Ada Lovelace (@ada)");

    ResponseEntity<String> corrected = put("demo-security", caseId, "{\"credit\": \"Ada Lovelace\"}");
    assertThat(corrected.getStatusCode()).as(corrected.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(MAPPER.readTree(corrected.getBody()).get("credit").asText()).isEqualTo("Ada Lovelace");
    assertThat(osv(caseId).at("/credits/0/name").asText()).isEqualTo("Ada Lovelace");
    assertThat(updates(caseId, "credit")).containsExactly("Ada Lovelace (@ada)", "Ada Lovelace");
    assertThat(updates(caseId, "creditCorrectedBy")).containsExactly("demo-security");

    assertThat(put("demo-security", caseId, "{\"credit\": \"\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(variable(caseId, "credit")).isNull();
    JsonNode osv = osv(caseId);
    assertThat(osv.has("credits")).isFalse();
    assertThat(cna(caseId).has("credits")).isFalse();
    assertThat(osv.toString() + cna(caseId)).doesNotContain("Ada", "ada@example.net");
  }

  @Test
  @DisplayName("R28 a report without credit names the reporter nowhere in the advisory")
  void noCredit() throws Exception {
    String caseId = (String) post(http, report("No credit, please", "ada@example.net")).getBody().get("caseId");
    assertThat(variable(caseId, "credit")).isNull();
    runtimeService.setVariable(cases.instance(caseId).getId(), "cveId", "CVE-2026-12347");
    assertThat(osv(caseId).has("credits")).isFalse();
    assertThat(osv(caseId).toString() + cna(caseId)).doesNotContain("Ada", "ada@example.net");
  }

  @Test
  @DisplayName("R28 once the case is public the credit is settled: 409, nothing changed")
  void publicCase() {
    String caseId = reported("Ada");
    for (String status : List.of("PUBLIC_DISCLOSURE", "DISCLOSED")) {
      runtimeService.setVariable(cases.instance(caseId).getId(), "status", status);
      ResponseEntity<String> refused = put("demo-security", caseId, "{\"credit\": \"Eve\"}");
      assertThat(refused.getStatusCode()).as(status).isEqualTo(HttpStatus.CONFLICT);
      assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(variable(caseId, "credit")).isEqualTo("Ada");
    }
  }

  @ParameterizedTest(name = "R27 R28 {0} -> {1}, nothing changed")
  @CsvSource({
      "'',              401",
      "demo-manager,    403",
      "demo-maintainer, 403",
      "demo-associate,  403"})
  void onlyTheSecurityTeam(String user, int status) {
    String caseId = reported("Ada");
    ResponseEntity<String> response = user.isEmpty()
        ? http.exchange(path(caseId), HttpMethod.PUT, json("{\"credit\": \"Eve\"}"), String.class)
        : put(user, caseId, "{\"credit\": \"Eve\"}");
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(variable(caseId, "credit")).isEqualTo("Ada");
  }

  @Test
  @DisplayName("R28 an unknown case is 404; a credit of two lines or 201 characters is 400 naming credit, nothing changed")
  void badRequests() {
    assertThat(put("demo-security", "SEC-1999-0001", "{\"credit\": \"Ada\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    String caseId = reported("Ada");
    for (String credit : List.of("Ada\\nBcc: eve@example.net", "x".repeat(201))) {
      ResponseEntity<String> refused = put("demo-security", caseId, "{\"credit\": \"" + credit + "\"}");
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("\"field\":\"credit\"");
    }
    assertThat(variable(caseId, "credit")).isEqualTo("Ada");
  }

  @Test
  @DisplayName("R28 in Tasklist the team corrects the credit in \"Describe vulnerability impact\": checked as the API checks it, on record with who")
  void tasklist() {
    Map<String, Object> report = new HashMap<>(report("Credit in Tasklist", "ada@example.net"));
    report.put("credit", "ada");
    String caseId = cases.readyToDescribeImpact(http, report);

    ResponseEntity<String> refused = cases.submit(http, "demo-security", caseId, "Task_DescribeImpact",
        Map.of("impactDescription", "Tokens leak to the logs.", "credit", "Ada\nLovelace"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("credit: " + io.github.securityrelease.cases.Credit.ONE_LINE_MESSAGE);
    assertThat(variable(caseId, "credit")).isEqualTo("ada");

    TestCases.assertCompleted(cases.submit(http, "demo-security", caseId, "Task_DescribeImpact",
        Map.of("impactDescription", "Tokens leak to the logs.", "credit", " Ada Lovelace ")));
    assertThat(variable(caseId, "credit")).isEqualTo("Ada Lovelace");
    assertThat(updates(caseId, "creditCorrectedBy")).containsExactly("demo-security");
  }

  private String reported(String credit) {
    Map<String, Object> report = new HashMap<>(report("Token leak, credited", "ada@example.net"));
    report.put("credit", credit);
    ResponseEntity<Map> created = post(http, report);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return (String) created.getBody().get("caseId");
  }

  private Object variable(String caseId, String name) {
    return runtimeService.getVariable(cases.instance(caseId).getId(), name);
  }

  /** The values a variable of the case took, oldest first: its history. */
  private List<Object> updates(String caseId, String name) {
    return historyService.createHistoricDetailQuery().processInstanceId(cases.instance(caseId).getId())
        .variableUpdates().orderByTime().asc().list().stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> update.getVariableName().equals(name))
        .map(HistoricVariableUpdate::getValue)
        .toList();
  }

  private JsonNode osv(String caseId) throws Exception {
    return advisory(caseId, "osv");
  }

  private JsonNode cna(String caseId) throws Exception {
    return advisory(caseId, "cve5");
  }

  private JsonNode advisory(String caseId, String format) throws Exception {
    ResponseEntity<String> response = http.withBasicAuth("demo-security", "demo-security")
        .getForEntity("/api/v1/cases/" + caseId + "/advisory?draft=true&format=" + format, String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return MAPPER.readTree(response.getBody());
  }

  private ResponseEntity<String> put(String user, String caseId, String body) {
    return http.withBasicAuth(user, user).exchange(path(caseId), HttpMethod.PUT, json(body), String.class);
  }

  private static String path(String caseId) {
    return "/api/v1/cases/" + caseId + "/credit";
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
