package io.github.securityrelease.cveservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.cases.OutsideCall;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the CVE Services client keeps in the database: its calls and each case's reservation, kept through a rollback. */
@OrchestratorIntegrationTest
class CveServicesRecordIT {

  @Autowired CveServicesCalls calls;
  @Autowired CveIdReservations reservations;
  @Autowired PlatformTransactionManager transactions;
  @Autowired TestRestTemplate http;

  @Test
  @DisplayName("R12 the security team reads a case's CVE Services calls; a manager gets 403, a case with no calls that does not exist 404")
  void shownToTheTeam() {
    String caseId = "SEC-2026-" + (System.nanoTime() % 100_000_000);
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    calls.record(new OutsideCall(caseId, "cveIdReserve", "POST", "/api/cve-id?amount=1&cve_year=2026&short_name=acme",
        200, null, at, 35));

    ResponseEntity<String> team = get("demo-security", caseId);
    assertThat(team.getStatusCode().value()).isEqualTo(200);
    assertThat(team.getBody()).contains("\"operation\":\"cveIdReserve\"", "\"status\":200", "\"durationMillis\":35");
    ResponseEntity<String> manager = get("demo-manager", caseId);
    assertThat(manager.getStatusCode().value()).isEqualTo(403);
    assertThat(manager.getBody()).doesNotContain("cveIdReserve");
    assertThat(get("demo-security", "SEC-1999-0001").getStatusCode().value()).isEqualTo(404);
  }

  private ResponseEntity<String> get(String user, String caseId) {
    return http.withBasicAuth(user, user).getForEntity("/api/v1/cases/" + caseId + "/cve-services-calls", String.class);
  }

  @Test
  @DisplayName("R12 a case's reservation attempt and its ID, and the calls, stay on record though the job rolls back")
  void keptThroughARollback() {
    String caseId = "SEC-2026-" + System.nanoTime() % 100_000_000;
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    new TransactionTemplate(transactions).executeWithoutResult(job -> {
      reservations.attempt(caseId, 2026, at);
      reservations.attempt(caseId, 2026, at.plusSeconds(60));
      calls.record(new OutsideCall(caseId, "cveIdReserve", "POST",
          "/api/cve-id?amount=1&cve_year=2026&short_name=acme", null, "no answer: ResourceAccessException", at, 60_000));
      job.setRollbackOnly();
    });

    assertThat(reservations.find(caseId)).get().satisfies(r -> {
      assertThat(r.attemptedAt()).isEqualTo(at);
      assertThat(r.year()).isEqualTo(2026);
      assertThat(r.cveId()).isNull();
    });
    String cveId = "CVE-2026-" + (10_000 + System.nanoTime() % 80_000_000);
    reservations.reserved(caseId, cveId);
    assertThat(reservations.find(caseId)).get().extracting(CveIdReservations.Reservation::cveId).isEqualTo(cveId);
    assertThat(reservations.known(List.of(cveId, "CVE-1999-0001"))).containsExactly(cveId);
    assertThat(calls.findByCase(caseId)).extracting(OutsideCall::operation, OutsideCall::status, OutsideCall::error)
        .containsExactly(tuple("cveIdReserve", null, "no answer: ResourceAccessException"));
  }
}
