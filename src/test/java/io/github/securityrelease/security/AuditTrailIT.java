package io.github.securityrelease.security;

import static io.github.securityrelease.TestCases.assertCompleted;
import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestDistributors;
import io.github.securityrelease.TestSmtp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Every change a person makes is on record with who and when, for the security team to read. */
@OrchestratorIntegrationTest
class AuditTrailIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;

  @Test
  @DisplayName("a completed task is in Camunda's user operation log with who and when, readable by the security team")
  void taskCompletion() {
    Instant before = Instant.now().minusSeconds(1);
    String caseId = (String) post(http, report("Audit trail case", "ada@example.net")).getBody().get("caseId");
    cases.runDueJobs(caseId);
    assertCompleted(cases.submit(http, "demo-security", caseId, "Task_AcknowledgeReport",
        Map.of("acknowledgementMessage", "Thank you: we are on it.")));
    String processInstanceId = cases.instance(caseId).getId();

    List<Map<String, Object>> log = http.withBasicAuth("demo-security", "demo-security").exchange(
        "/engine-rest/history/user-operation?processInstanceId=" + processInstanceId, HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    assertThat(log).anySatisfy(entry -> {
      assertThat(entry).containsEntry("operationType", "Complete").containsEntry("userId", "demo-security");
      assertThat(Instant.parse(((String) entry.get("timestamp")).replace("+0000", "Z"))).isAfter(before);
    });
    assertThat(log).anySatisfy(entry ->
        assertThat(entry).containsEntry("operationType", "Claim").containsEntry("userId", "demo-security"));
  }

  @Test
  @DisplayName("every change of a distributor is on record with who and when")
  void distributorChanges() {
    TestRestTemplate security = http.withBasicAuth("demo-security", "demo-security");
    long id = TestDistributors.imported(http, "Audited Distro " + System.nanoTime(), "sec@audited.example");
    security.delete("/api/v1/distributors/" + id + "?reason=Leaked twice");

    List<Map<String, Object>> changes = security.exchange("/api/v1/distributors/" + id + "/changes", HttpMethod.GET,
        null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    assertThat(changes).extracting(change -> change.get("action") + " by " + change.get("changedBy"))
        .containsExactly("IMPORTED by demo-admin", "REMOVED by demo-security");
    assertThat(changes).allSatisfy(change -> assertThat(change.get("changedAt")).isNotNull());
    assertThat(http.withBasicAuth("demo-manager", "demo-manager")
        .getForEntity("/api/v1/distributors/" + id + "/changes", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }
}
