package io.github.securityrelease.advisory;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
  @DisplayName("R18 the security team downloads a case's advisory as OSV, as a CVE record and as CSAF 2.0, each valid against its official schema, also once the case has ended")
  void downloads() throws Exception {
    Map<String, Object> variables = new HashMap<>(AdvisoryCases.full());
    variables.remove("caseId");
    variables.remove("title");
    variables.remove("status");
    runtimeService.setVariables(cases.instance(caseId).getId(), variables);

    JsonNode osv = download("osv", "CVE-2026-12345.osv.json");
    assertThat(AdvisorySchemas.osvErrors(osv)).isEmpty();
    assertThat(osv.get("id").asText()).isEqualTo("GHSA-4x7q-9wm2-v3cp");
    assertThat(osv.get("aliases").get(0).asText()).isEqualTo(variables.get("cveId"));
    assertThat(osv.get("summary").asText()).isEqualTo("Token leak in controller logs");
    assertThat(osv.at("/affected/0/ranges/0/events/3/fixed").asText()).isEqualTo("0.6.2");

    JsonNode cve = download("cve5", "CVE-2026-12345.cve5.json");
    assertThat(AdvisorySchemas.cveRecordErrors(cve)).isEmpty();
    assertThat(AdvisorySchemas.cnaContainerErrors(cve.at("/containers/cna"))).isEmpty();
    assertThat(cve.at("/cveMetadata/assignerOrgId").asText()).isEqualTo(OrchestratorIntegrationTest.CNA_ORG_ID);

    JsonNode csaf = download("csaf", "CVE-2026-12345.csaf.json");
    assertThat(AdvisorySchemas.csafErrors(csaf)).isEmpty();
    assertThat(csaf.at("/document/tracking/id").asText()).isEqualTo("GHSA-4x7q-9wm2-v3cp");
    assertThat(csaf.at("/document/tracking/status").asText()).isEqualTo("final");
    assertThat(csaf.at("/vulnerabilities/0/cve").asText()).isEqualTo(variables.get("cveId"));

    runtimeService.deleteProcessInstance(cases.instance(caseId).getId(), "ended for the test");
    assertThat(cases.instance(caseId)).as("the case ended").isNull();
    assertThat(AdvisorySchemas.osvErrors(download("osv", "CVE-2026-12345.osv.json"))).isEmpty();
    assertThat(download("cve5", "CVE-2026-12345.cve5.json")).isEqualTo(cve);
    assertThat(download("csaf", "CVE-2026-12345.csaf.json")).isEqualTo(csaf);
  }

  @Test
  @DisplayName("R18 R27 a case under embargo is never served as a published record: 409 problem; draft=true gives a draft without publication date")
  void notDisclosedYet() throws Exception {
    Map<String, Object> variables = new HashMap<>(AdvisoryCases.full());
    variables.keySet().removeAll(List.of("caseId", "title", "status", "disclosedAt"));
    runtimeService.setVariables(cases.instance(caseId).getId(), variables);
    String cveId = (String) variables.get("cveId");

    for (String format : List.of("osv", "cve5", "csaf")) {
      ResponseEntity<String> refused = get("demo-security", "/api/v1/cases/" + caseId + "/advisory?format=" + format);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(refused.getBody()).contains("is not disclosed yet").doesNotContain("\"published\"", "PUBLISHED");
    }
    JsonNode osv = download("osv&draft=true", cveId + ".draft.osv.json");
    assertThat(osv.has("published")).isFalse();
    assertThat(AdvisorySchemas.osvErrors(osv)).isEmpty();
    JsonNode cna = download("cve5&draft=true", cveId + ".draft.cna.json");
    assertThat(cna.has("datePublic")).isFalse();
    assertThat(cna.has("cveMetadata")).isFalse();
    assertThat(AdvisorySchemas.cnaContainerErrors(cna)).isEmpty();
    JsonNode csaf = download("csaf&draft=true", cveId + ".draft.csaf.json");
    assertThat(csaf.at("/document/tracking/status").asText()).isEqualTo("draft");
    assertThat(csaf.at("/vulnerabilities/0").has("release_date")).isFalse();
    assertThat(AdvisorySchemas.csafErrors(csaf)).isEmpty();
  }

  @Test
  @DisplayName("R18 modified is when the advisory's variables last changed and published when the case entered PUBLIC_DISCLOSURE, both from its history")
  void datesFromHistory() throws Exception {
    Map<String, Object> variables = new HashMap<>(AdvisoryCases.full());
    variables.keySet().removeAll(List.of("caseId", "title", "status", "disclosedAt"));
    String instance = cases.instance(caseId).getId();
    Instant changed = Instant.parse("2026-12-02T09:15:30Z");
    Instant disclosure = Instant.parse("2026-12-08T14:00:05Z");
    try {
      ClockUtil.setCurrentTime(Date.from(changed));
      runtimeService.setVariables(instance, variables);
      ClockUtil.setCurrentTime(Date.from(disclosure));
      runtimeService.setVariable(instance, "status", "PUBLIC_DISCLOSURE");
      runtimeService.setVariable(instance, "internalNote", "not part of the advisory");
    } finally {
      ClockUtil.reset();
    }
    JsonNode osv = download("osv", variables.get("cveId") + ".osv.json");
    assertThat(osv.get("published").asText()).isEqualTo("2026-12-08T14:00:05Z");
    assertThat(osv.get("modified").asText()).isEqualTo("2026-12-08T14:00:05Z");
    JsonNode cve = download("cve5", variables.get("cveId") + ".cve5.json");
    assertThat(cve.at("/cveMetadata/datePublished").asText()).isEqualTo("2026-12-08T14:00:05Z");

    try {
      ClockUtil.setCurrentTime(Date.from(disclosure.plusSeconds(3600)));
      runtimeService.setVariable(instance, "mitigations", "Rotate the tokens.");
    } finally {
      ClockUtil.reset();
    }
    assertThat(download("osv", variables.get("cveId") + ".osv.json").get("modified").asText()).isEqualTo("2026-12-08T15:00:05Z");
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
      "format=xml,  400, 'not an advisory format; one of osv, cve5, csaf'",
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
