package io.github.securityrelease.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Element;

/**
 * The public advisory pages before and after a case's public disclosure, in the whole service,
 * without a login: a case walked through its tasks up to the moment before its disclosure is on
 * none of them; once the disclosure's timer has fired it is on all. The public URLs are two lists
 * ({@link #LISTINGS}, {@link #OF_ADVISORY}): a new public document is checked by adding its line.
 */
@OrchestratorIntegrationTest
class PublicAdvisoriesIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  /** What lists the public advisories: there before and after, unchanged by a case that is not public. */
  static final List<Function<String, String>> LISTINGS = List.of(
      cve -> "/advisories",
      cve -> "/advisories/feed.atom");

  /** What one advisory is: 404 before its disclosure, as for a CVE ID no case ever had. */
  static final List<Function<String, String>> OF_ADVISORY = List.of(
      cve -> "/advisories/" + cve,
      cve -> "/advisories/" + cve + ".osv.json");

  private static final String NEVER_A_CASE = "CVE-1999-0001";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;

  @Test
  @DisplayName("R18 R27 a case is on no public page, feed or document until its disclosure (no CVE, title, case ID, entry, date or changed ETag; 404 as for no case), and on all of them after")
  void beforeAndAfterDisclosure() throws Exception {
    Map<String, ResponseEntity<String>> before = listings(NEVER_A_CASE);
    String title = "Public page probe " + UUID.randomUUID();
    String caseId = cases.readyToPlan(http, title);
    String cve = TestCases.cveId(caseId);
    Instant disclosure = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);
    TestCases.assertCompleted(cases.plan(http, caseId, disclosure.minus(Duration.ofHours(2)), disclosure, null));
    cases.runDueJobsAt(disclosure.minus(Duration.ofHours(1)), caseId);
    cases.released(http, caseId);
    assertThat(runtimeService.getVariable(cases.instance(caseId).getId(), "status"))
        .as("released, waiting for the disclosure's timer").isEqualTo("RESTRICTED_DISCLOSURE");

    Map<String, ResponseEntity<String>> embargoed = listings(cve);
    for (String path : embargoed.keySet()) {
      ResponseEntity<String> answer = embargoed.get(path);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      assertThat(answer.getBody()).as(path).doesNotContain(cve, title, caseId);
      assertThat(answer.getHeaders().getETag()).as(path + ": the same ETag as before the case")
          .isEqualTo(before.get(path).getHeaders().getETag());
      assertThat(answer.getBody()).as(path).isEqualTo(before.get(path).getBody());
    }
    String notFound = get("/advisories/" + NEVER_A_CASE).getBody();
    for (Function<String, String> of : OF_ADVISORY) {
      ResponseEntity<String> answer = get(of.apply(cve));
      assertThat(answer.getStatusCode()).as(of.apply(cve)).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(answer.getBody()).as(of.apply(cve) + ": as for no case").isEqualTo(notFound);
      assertThat(get(of.apply(NEVER_A_CASE)).getBody()).isEqualTo(notFound);
    }

    cases.runDueJobsAt(disclosure.plusSeconds(60), caseId);
    cases.published(http, caseId);

    Map<String, ResponseEntity<String>> disclosed = listings(cve);
    for (String path : disclosed.keySet()) {
      ResponseEntity<String> answer = disclosed.get(path);
      assertThat(answer.getBody()).as(path).contains(cve, title).doesNotContain(caseId);
      assertThat(answer.getHeaders().getETag()).as(path).isNotEqualTo(before.get(path).getHeaders().getETag());
    }
    for (Function<String, String> of : OF_ADVISORY) {
      ResponseEntity<String> answer = get(of.apply(cve));
      assertThat(answer.getStatusCode()).as(of.apply(cve)).isEqualTo(HttpStatus.OK);
      assertThat(answer.getBody()).as(of.apply(cve)).contains(cve).doesNotContain(caseId);
      publicCache(of.apply(cve), answer);
    }

    JsonNode osv = JSON.readTree(get("/advisories/" + cve + ".osv.json").getBody());
    assertThat(AdvisorySchemas.osvErrors(osv)).isEmpty();
    assertThat(osv.get("aliases").get(0).asText()).isEqualTo(cve);
    Element feed = AdvisoryFeedTest.parse(disclosed.get("/advisories/feed.atom").getBody());
    Element entry = AdvisoryFeedTest.children(feed, "entry").stream()
        .filter(candidate -> AdvisoryFeedTest.text(candidate, "id").endsWith("/advisories/" + cve))
        .findFirst().orElseThrow();
    assertThat(AdvisoryFeedTest.text(entry, "updated")).isEqualTo(osv.get("modified").asText());
    assertThat(AdvisoryFeedTest.text(entry, "published")).isEqualTo(osv.get("published").asText());
    assertThat(Instant.parse(osv.get("published").asText())).isAfterOrEqualTo(disclosure);
    assertThat(Instant.parse(AdvisoryFeedTest.text(feed, "updated")))
        .isAfterOrEqualTo(Instant.parse(AdvisoryFeedTest.text(entry, "updated")));
  }

  @Test
  @DisplayName("R18 public data is cached: Cache-Control public with max-age, an ETag, 304 for If-None-Match; Spring Security's no-cache does not win")
  void cacheHeaders() {
    for (Function<String, String> listing : LISTINGS) {
      String path = listing.apply(NEVER_A_CASE);
      ResponseEntity<String> answer = get(path);
      publicCache(path, answer);

      HttpHeaders conditional = new HttpHeaders();
      conditional.setIfNoneMatch(answer.getHeaders().getETag());
      ResponseEntity<String> again = http.exchange(path, HttpMethod.GET, new HttpEntity<>(conditional), String.class);
      assertThat(again.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_MODIFIED);
      assertThat(again.getBody()).isNull();
      assertThat(again.getHeaders().getETag()).isEqualTo(answer.getHeaders().getETag());
    }
    ResponseEntity<String> page = get("/advisories");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(PublicAdvisoryController.POLICY);
    assertThat(get("/advisories/SEC-2026-0001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private static void publicCache(String path, ResponseEntity<String> answer) {
    assertThat(answer.getHeaders().getCacheControl()).as(path).isEqualTo("public, max-age=300");
    assertThat(answer.getHeaders().getETag()).as(path).matches("\"[0-9a-f]{32}\"");
    assertThat(answer.getHeaders().getPragma()).as(path).isNull();
    assertThat(answer.getHeaders().getExpires()).as(path).isEqualTo(-1);
  }

  private Map<String, ResponseEntity<String>> listings(String cve) {
    Map<String, ResponseEntity<String>> answers = new HashMap<>();
    LISTINGS.forEach(listing -> answers.put(listing.apply(cve), get(listing.apply(cve))));
    return answers;
  }

  /** Without a login, as anyone. */
  private ResponseEntity<String> get(String path) {
    return http.getForEntity(path, String.class);
  }
}
