package io.github.securityrelease.intake;

import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.OrchestratorIntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A low limit (3 at once, then 1 a minute) in a context of its own; the client addresses come
 * from {@code X-Forwarded-For}, as behind a proxy with {@code server.forward-headers-strategy}.
 */
@OrchestratorIntegrationTest
@TestPropertySource(properties = {
    "security-release.rate-limit.requests-per-minute=1",
    "security-release.rate-limit.burst=3",
    "security-release.reporter-page.requests-per-minute=1",
    "security-release.reporter-page.burst=3",
    "server.forward-headers-strategy=framework"})
@Tag(OrchestratorIntegrationTest.OWN_JVM)
@DirtiesContext // closed after the class: the next IT of OwnContextsOnH2 starts its own
@EnabledIf(value = "io.github.securityrelease.TestDatabase#onH2Alone",
    disabledReason = "the web layer's configuration alone: on H2")
class RateLimitIT {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;

  @Test
  @DisplayName("a flood of reports from one address gets 429 problem+json with Retry-After; nothing started, no case ID used")
  void floodRefused() {
    String first = caseId(post("203.0.113.1", report("Flood 1", "ada@example.net")));
    post("203.0.113.1", report("Flood 2", "ada@example.net"));
    post("203.0.113.1", report("Flood 3", "ada@example.net"));
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("vulnerability-handling").count();

    for (int i = 0; i < 5; i++) {
      ResponseEntity<Map> refused = post("203.0.113.1", report("Flood more", "ada@example.net"));
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
      assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(refused.getBody()).containsEntry("status", 429);
      assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
    }

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("vulnerability-handling").count())
        .as("nothing started").isEqualTo(instances);
    ResponseEntity<Map> other = post("203.0.113.2", report("From elsewhere", "bob@example.net"));
    assertThat(other.getStatusCode()).as("another address has a bucket of its own").isEqualTo(HttpStatus.CREATED);
    assertThat(number(caseId(other))).as("no case ID used up").isEqualTo(number(first) + 3);
  }

  @Test
  @DisplayName("refused reports count against the limit too: a flood of bad ones is limited as well")
  void badRequestsCount() {
    for (int i = 0; i < 3; i++) {
      assertThat(post("203.0.113.3", Map.of("title", "no fields")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
    assertThat(post("203.0.113.3", report("Valid at last", "ada@example.net")).getStatusCode())
        .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
  }

  @Test
  @DisplayName("only the public endpoints are limited: the team's API answers as often as asked")
  void onlyPublicEndpoints() {
    TestRestTemplate team = http.withBasicAuth("demo-security", "demo-security");
    for (int i = 0; i < 10; i++) {
      HttpHeaders headers = new HttpHeaders();
      headers.set("X-Forwarded-For", "203.0.113.4");
      ResponseEntity<String> response = team.exchange("/api/v1/cvss?vector={v}", HttpMethod.GET,
          new HttpEntity<>(headers), String.class, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  @DisplayName("distributor applications are limited too, in buckets of their own")
  void distributorApplications() {
    for (int i = 0; i < 3; i++) {
      assertThat(post("/api/v1/distributor-applications", "203.0.113.5", Map.of("organisation", "Flood"))
          .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
    ResponseEntity<Map> refused = post("/api/v1/distributor-applications", "203.0.113.5", Map.of("organisation", "Flood"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    assertThat(post("203.0.113.5", report("Reports have their own bucket", "ada@example.net")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  @DisplayName("R28 the reporter's page is limited per address, its forms too, before the token is looked up")
  void reporterPage() {
    String page = "/reporter/" + "A".repeat(43);
    for (int i = 0; i < 3; i++) {
      assertThat(form(page + "/answer").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
    ResponseEntity<String> refused = form(page + "/answer");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    assertThat(form(page + "/credit").getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
  }

  private ResponseEntity<String> form(String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-Forwarded-For", "203.0.113.6");
    return http.postForEntity(path, new HttpEntity<>("text=Hello", headers), String.class);
  }

  private ResponseEntity<Map> post(String clientAddress, Object body) {
    return post("/api/v1/reports", clientAddress, body);
  }

  private ResponseEntity<Map> post(String path, String clientAddress, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("X-Forwarded-For", clientAddress);
    return http.postForEntity(path, new HttpEntity<>(body, headers), Map.class);
  }

  private static String caseId(ResponseEntity<Map> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("caseId");
  }

  private static long number(String caseId) {
    return Long.parseLong(caseId.substring(caseId.lastIndexOf('-') + 1));
  }
}
