package io.github.securityrelease.cveservices;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.cases.OutsideCall;
import io.github.securityrelease.cveservices.contract.CveServicesFake;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A whole case from the report to the disclosure with CVE Services configured (issue 20, R12,
 * R18), CVE Services faked and held to its published description ({@link CveServicesFake}): the
 * ID reserved without anyone's task (the first answer lost, the retry finds it), the record
 * published as the disclosure begins and updated once the publication steps set their URLs.
 *
 * <p>Once a build, as ForgeIT: its context is one of its own, which costs the suite a start; the
 * tables and the endpoint are on both databases through {@code CveServicesRecordIT}.
 */
@EnabledIf(value = "io.github.securityrelease.TestDatabase#onceABuild",
    disabledReason = "once a build: on PostgreSQL when the ITs have it, on H2 otherwise")
@OrchestratorIntegrationTest
@TestPropertySource(properties = {
    "security-release.cve-services.org=" + CveServicesIT.ORG,
    "security-release.cve-services.user=" + CveServicesIT.USER,
    "security-release.cve-services.api-key=" + CveServicesIT.KEY})
@Tag(OrchestratorIntegrationTest.OWN_JVM)
@DirtiesContext // closed after the class: the next IT of OwnContextsOnH2 starts its own
@ExtendWith(OutputCaptureExtension.class)
class CveServicesIT {

  static final String ORG = "kurator";
  static final String USER = "kurator-bot";
  /** Unique enough to be found wherever it would leak. */
  static final String KEY = "cve-key-Okapi-7731-NeverShown";

  @RegisterExtension
  static CveServicesFake fake = CveServicesFake.started();

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @DynamicPropertySource
  static void cveServices(DynamicPropertyRegistry registry) {
    registry.add("security-release.cve-services.url", fake::apiUrl);
  }

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired CveServicesCalls calls;

  @Test
  @DisplayName("R12 R18 a whole case with CVE Services: the ID reserved once though its answer was lost, nobody records it, the record published at the disclosure and updated when the advisory changed; the key nowhere")
  void wholeCaseWithCveServices(CapturedOutput log) {
    String caseId = cases.readyToDescribeImpact(http, TestCases.report("Scheduler leaks tokens", "ada@example.net"));
    String cveId = TestCases.cveId(caseId);
    String year = cveId.substring(4, 8);

    // R12: the reservation's answer is lost; the retry finds the ID the first try reserved
    fake.stub(post(urlPathEqualTo("/api/cve-id")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    fake.stub(get(urlPathEqualTo("/api/cve-id")).willReturn(okJson("""
        {"cve_ids":[{"cve_id":"%s","cve_year":"%s","owning_cna":"%s","state":"RESERVED",
          "requested_by":{"cna":"%s","user":"%s"},"reserved":"%s",
          "time":{"created":"%s","modified":"%s"}}]}""".formatted(cveId, year, ORG, ORG, USER, Instant.now(),
        Instant.now(), Instant.now()))));
    assertThatThrownBy(() -> cases.submit(http, "demo-security", caseId, "Task_DescribeImpact",
        Map.of("impactDescription", "Tokens leak to the logs."))).hasMessageContaining("did not answer cveIdReserve");
    assertThat(variable(caseId, "cveId")).as("no ID without an answer").isNull();
    fake.server().verify(1, postRequestedFor(urlPathEqualTo("/api/cve-id")));
    fake.forgetRequests(); // the lost answer has no body to hold to the description
    cases.runDueJobsAt(Instant.now().plus(Duration.ofMinutes(6)), caseId);
    assertThat(variable(caseId, "cveId")).isEqualTo(cveId);
    fake.server().verify(0, postRequestedFor(urlPathEqualTo("/api/cve-id"))); // no second ID reserved
    fake.server().verify(1, getRequestedFor(urlPathEqualTo("/api/cve-id")));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseId).list())
        .extracting(task -> task.getTaskDefinitionKey())
        .as("R12 nobody launches the procedure or records the ID").containsExactly("Task_PlanDisclosure");

    // R18: released by hand, the record published as the disclosure begins
    fake.stub(post(urlPathEqualTo("/api/cve/" + cveId + "/cna")).willReturn(okJson(recordAnswer(cveId, "created"))));
    fake.stub(put(urlPathEqualTo("/api/cve/" + cveId + "/cna")).willReturn(okJson(recordAnswer(cveId, "updated"))));
    Instant disclosure = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);
    TestCases.assertCompleted(cases.plan(http, caseId, disclosure, null));
    cases.runDueJobsAt(disclosure.minus(Duration.ofHours(1)), caseId);
    cases.runDueJobsAt(disclosure.plusSeconds(30), caseId);
    cases.released(http, caseId);
    fake.server().verify(1, postRequestedFor(urlPathEqualTo("/api/cve/" + cveId + "/cna"))
        .withRequestBody(containing("\"references\"")));
    fake.server().verify(0, putRequestedFor(urlPathEqualTo("/api/cve/" + cveId + "/cna")));
    assertThat(variable(caseId, "cveRecordPublishedAt")).isNotNull();
    Object published = variable(caseId, "cveRecordDigest");

    // the publication steps set the advisory's URLs: the record is updated once, then the case ends
    cases.published(http, caseId);
    fake.server().verify(1, putRequestedFor(urlPathEqualTo("/api/cve/" + cveId + "/cna"))
        .withRequestBody(containing(TestCases.ADVISORY_URL)).withRequestBody(containing(TestCases.TRACKING_ISSUE_URL)));
    assertThat(cases.instance(caseId)).as("disclosed: the case ended").isNull();
    assertThat(variable(caseId, "cveRecordDigest")).isNotEqualTo(published);
    assertThat(variable(caseId, "cveRecordUpdatedAt")).isNotNull();

    // every call on the case's record; the key in no log line, variable or call
    assertThat(calls.findByCase(caseId)).extracting(OutsideCall::operation).containsExactly("cveIdReserve",
        "cveIdGetFiltered", "cveCnaCreateSingle", "cveCnaUpdateSingle");
    assertThat(log.getAll()).contains(cveId).doesNotContain(KEY);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(
        historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
            .processDefinitionKey("vulnerability-handling").singleResult().getId()).list())
        .extracting(v -> String.valueOf(v.getValue())).noneMatch(value -> value.contains(KEY));
    assertThat(calls.findByCase(caseId).toString()).doesNotContain(KEY);
  }

  private Object variable(String caseId, String name) {
    HistoricVariableInstance found = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
            .processDefinitionKey("vulnerability-handling").singleResult().getId())
        .variableName(name).singleResult();
    return found == null ? null : found.getValue();
  }

  private static String recordAnswer(String cveId, String what) {
    return "{\"message\":\"" + cveId + " record was successfully " + what + ".\",\"" + what + "\":{\"cveMetadata\":"
        + "{\"cveId\":\"" + cveId + "\",\"state\":\"PUBLISHED\"},\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.1\"}}";
  }
}
