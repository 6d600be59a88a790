package io.github.securityrelease.disclosure;

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
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The advisory endpoint in the whole service: a case that has reached its CVE ID (the
 * variables the team's tasks set, put on the running case) is downloaded by the security
 * team, as OSV and as a CVE record, before and after the case ends.
 */
@OrchestratorIntegrationTest
class AdvisoryIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;

  private String caseId;

  @BeforeEach
  void aCase() {
    caseId = (String) post(http, report("Token leak in controller logs", "ada@example.net")).getBody().get("caseId");
  }

  @Test
  @DisplayName("R18 the security team downloads a case's advisory as OSV and as a CVE record, each valid against its official schema, also once the case has ended")
  void downloads() throws Exception {
    Map<String, Object> variables = new HashMap<>(AdvisoryCases.full());
    variables.remove("caseId");
    variables.remove("title");
    variables.remove("status");
    runtimeService.setVariables(cases.instance(caseId).getId(), variables);

    JsonNode osv = download("osv", "CVE-2026-12345.osv.json");
    assertThat(AdvisorySchemas.osvErrors(osv)).isEmpty();
    assertThat(osv.get("id").asText()).isEqualTo("CVE-2026-12345");
    assertThat(osv.get("summary").asText()).isEqualTo("Token leak in controller logs");
    assertThat(osv.at("/affected/0/ranges/0/events/3/fixed").asText()).isEqualTo("0.6.2");

    JsonNode cve = download("cve5", "CVE-2026-12345.cve5.json");
    assertThat(AdvisorySchemas.cveRecordErrors(cve)).isEmpty();
    assertThat(AdvisorySchemas.cnaContainerErrors(cve.at("/containers/cna"))).isEmpty();
    assertThat(cve.at("/cveMetadata/assignerOrgId").asText()).isEqualTo(OrchestratorIntegrationTest.CNA_ORG_ID);

    runtimeService.deleteProcessInstance(cases.instance(caseId).getId(), "ended for the test");
    assertThat(cases.instance(caseId)).as("the case ended").isNull();
    assertThat(AdvisorySchemas.osvErrors(download("osv", "CVE-2026-12345.osv.json"))).isEmpty();
    assertThat(download("cve5", "CVE-2026-12345.cve5.json")).isEqualTo(cve);
  }

  @Test
  @DisplayName("R18 a case without its CVE ID has no advisory yet: a 409 problem")
  void noCveIdYet() {
    ResponseEntity<String> response = get("demo-security", "/api/v1/cases/" + caseId + "/advisory?format=osv");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).contains("has no CVE ID yet");
  }

  @ParameterizedTest(name = "an unknown advisory format: {0} -> {1}")
  @CsvSource({
      "format=xml,  400, 'not an advisory format; one of osv, cve5'",
      "format=OSV,  400, 'not an advisory format'",
      "'',          400, 'format'"})
  void badFormat(String query, int status, String detail) {
    runtimeService.setVariable(cases.instance(caseId).getId(), "cveId", "CVE-2026-12345");
    ResponseEntity<String> response = get("demo-security", "/api/v1/cases/" + caseId + "/advisory?" + query);
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).contains(detail);
  }

  @Test
  @DisplayName("an unknown case is a 404 problem")
  void unknownCase() {
    ResponseEntity<String> response = get("demo-security", "/api/v1/cases/SEC-1999-0001/advisory?format=cve5");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @ParameterizedTest(name = "R27 {0} -> {1}")
  @CsvSource({
      "'',              401",
      "demo-manager,    403",
      "demo-maintainer, 403",
      "demo-associate,  403",
      "demo-release,    403",
      "demo-admin,      403"})
  void onlyTheSecurityTeam(String user, int status) {
    runtimeService.setVariable(cases.instance(caseId).getId(), "cveId", "CVE-2026-12345");
    String path = "/api/v1/cases/" + caseId + "/advisory?format=osv";
    ResponseEntity<String> response = user.isEmpty() ? http.getForEntity(path, String.class) : get(user, path);
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(response.getBody()).doesNotContain("CVE-2026-12345");
  }

  private JsonNode download(String format, String filename) throws Exception {
    ResponseEntity<String> response = get("demo-security", "/api/v1/cases/" + caseId + "/advisory?format=" + format);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    assertThat(response.getHeaders().getContentDisposition().isAttachment()).isTrue();
    assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo(filename);
    return MAPPER.readTree(response.getBody());
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, user).getForEntity(path, String.class);
  }
}
