package io.github.securityrelease.forge;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.securityrelease.OrchestratorIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The record of forge calls in the database, and the security team's view of it. */
@OrchestratorIntegrationTest
class ForgeCallsIT {

  @Autowired TestRestTemplate http;
  @Autowired ForgeCalls forgeCalls;
  @Autowired PlatformTransactionManager transactions;

  @Test
  @DisplayName("R17 a forge call stays on the case's record though the job around it rolls back; the team sees it, "
      + "a manager gets 403, an unknown case 404")
  void recordedAndShownToTheTeam() throws Exception {
    String caseId = (String) post(http, report("Forge calls case", "ada@example.net")).getBody().get("caseId");
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    assertThat(forgeCalls.findByCase(caseId)).isEmpty();
    assertThat(get("demo-security", caseId).getBody()).isEqualTo("[]");

    new TransactionTemplate(transactions).executeWithoutResult(job -> {
      forgeCalls.record(new ForgeCall(caseId, "pulls/list", "GET",
          "/repos/octo/widget/pulls?state=all&per_page=100", 200, null, at, 41));
      forgeCalls.record(new ForgeCall(caseId, "pulls/create", "POST", "/repos/octo/widget/pulls", null,
          "no answer: ResourceAccessException", at.plusSeconds(1), 10_000));
      job.setRollbackOnly();
    });

    assertThat(forgeCalls.findByCase(caseId)).extracting(ForgeCall::operation, ForgeCall::status)
        .containsExactly(tuple("pulls/list", 200),
            tuple("pulls/create", null));
    ResponseEntity<String> shown = get("demo-security", caseId);
    assertThat(shown.getStatusCode().value()).isEqualTo(200);
    JsonNode rows = new ObjectMapper().readTree(shown.getBody());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).path("operation").asText()).isEqualTo("pulls/list");
    assertThat(rows.get(0).path("method").asText()).isEqualTo("GET");
    assertThat(rows.get(0).path("status").asInt()).isEqualTo(200);
    assertThat(rows.get(0).path("durationMillis").asLong()).isEqualTo(41);
    assertThat(Instant.parse(rows.get(0).path("calledAt").asText())).isEqualTo(at);
    assertThat(rows.get(1).path("status").isNull()).isTrue();
    assertThat(rows.get(1).path("error").asText()).isEqualTo("no answer: ResourceAccessException");

    ResponseEntity<String> manager = get("demo-manager", caseId);
    assertThat(manager.getStatusCode().value()).isEqualTo(403);
    assertThat(manager.getBody()).doesNotContain("pulls/list");
    assertThat(get("demo-security", "SEC-1999-0001").getStatusCode().value()).isEqualTo(404);
  }

  private ResponseEntity<String> get(String user, String caseId) {
    return http.withBasicAuth(user, user).getForEntity("/api/v1/cases/" + caseId + "/forge-calls", String.class);
  }
}
