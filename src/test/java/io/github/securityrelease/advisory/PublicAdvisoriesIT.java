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

  /** A case's public names: its CVE ID, its title, and the id and year its CSAF document is filed under. */
  record Names(String cve, String title, String trackingId, int year) {

    String csaf() {
      return CsafDistribution.DIRECTORY + "/" + year + "/" + CsafDistribution.fileName(trackingId);
    }
  }

  /**
   * What lists the public advisories: there before and after, unchanged by a case that is not
   * public; after its disclosure it shows what {@code shows} gives (nothing to check: the provider
   * metadata's date and the directory's year folders may be another public case's).
   */
  record Listing(String path, Function<Names, List<String>> shows) {}

  static final List<Listing> LISTINGS = List.of(
      new Listing("/advisories", names -> List.of(names.cve(), names.title())),
      new Listing("/advisories/feed.atom", names -> List.of(names.cve(), names.title())),
      new Listing(CsafDistribution.PROVIDER_METADATA, names -> List.of()),
      new Listing(CsafDistribution.FEED, names -> List.of(names.trackingId(), names.title(), names.csaf())),
      new Listing(CsafDistribution.INDEX, names -> List.of(names.csaf().substring(CsafDistribution.DIRECTORY.length() + 1))),
      new Listing(CsafDistribution.CHANGES, names -> List.of(names.csaf().substring(CsafDistribution.DIRECTORY.length() + 1))),
      new Listing(CsafDistribution.DIRECTORY + "/", names -> List.of()));

  /** What one advisory is: 404 before its disclosure, exactly as for a CVE ID no case ever had. */
  static final List<Function<Names, String>> OF_ADVISORY = List.of(
      names -> "/advisories/" + names.cve(),
      names -> "/advisories/" + names.cve() + ".osv.json",
      names -> names.csaf(),
      names -> names.csaf() + ".sha256");

  private static final String NEVER_A_CASE = "CVE-1999-0001";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;

  @Test
  @DisplayName("R18 R27 a case is on no public page, feed or document until its disclosure (no CVE, title, case ID, entry, date or changed ETag; 404 as for no case), and on all of them after")
  void beforeAndAfterDisclosure() throws Exception {
    Map<String, ResponseEntity<String>> before = listings();
    String title = "Public page probe " + UUID.randomUUID();
    String caseId = cases.readyToPlan(http, title);
    String cve = TestCases.cveId(caseId);
    Instant disclosure = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);
    TestCases.assertCompleted(cases.plan(http, caseId, disclosure.minus(Duration.ofHours(2)), disclosure, null));
    cases.runDueJobsAt(disclosure.minus(Duration.ofHours(1)), caseId);
    cases.released(http, caseId);
    assertThat(runtimeService.getVariable(cases.instance(caseId).getId(), "status"))
        .as("released, waiting for the disclosure's timer").isEqualTo("RESTRICTED_DISCLOSURE");

    // the team's draft gives the id the public documents will carry (OSV's, CSAF's tracking id)
    String trackingId = JSON.readTree(http.withBasicAuth("demo-security", "demo-security")
        .getForEntity("/api/v1/cases/" + caseId + "/advisory?format=osv&draft=true", String.class).getBody())
        .get("id").asText();
    int year = disclosure.atZone(java.time.ZoneOffset.UTC).getYear();
    Names names = new Names(cve, title, trackingId, year);
    Names never = new Names(NEVER_A_CASE, "never", "x_never-1999-0001", year);

    Map<String, ResponseEntity<String>> embargoed = listings();
    for (String path : embargoed.keySet()) {
      ResponseEntity<String> answer = embargoed.get(path);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      // an empty index has no body at all
      assertThat(java.util.Objects.toString(answer.getBody(), "")).as(path)
          .doesNotContain(cve, title, caseId, trackingId.toLowerCase());
      assertThat(answer.getHeaders().getETag()).as(path + ": the same ETag as before the case")
          .isEqualTo(before.get(path).getHeaders().getETag());
      assertThat(answer.getBody()).as(path).isEqualTo(before.get(path).getBody());
    }
    for (Function<Names, String> of : OF_ADVISORY) {
      ResponseEntity<String> answer = get(of.apply(names));
      ResponseEntity<String> noCase = get(of.apply(never));
      assertThat(answer.getStatusCode()).as(of.apply(names)).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(noCase.getStatusCode()).as(of.apply(never)).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(withoutPath(answer.getBody(), of.apply(names))).as(of.apply(names) + ": as for no case")
          .isEqualTo(withoutPath(noCase.getBody(), of.apply(never)));
    }

    cases.runDueJobsAt(disclosure.plusSeconds(60), caseId);
    cases.published(http, caseId);

    Map<String, ResponseEntity<String>> disclosed = listings();
    for (Listing listing : LISTINGS) {
      ResponseEntity<String> answer = disclosed.get(listing.path());
      assertThat(answer.getBody()).as(listing.path()).doesNotContain(caseId);
      List<String> shown = listing.shows().apply(names);
      if (!shown.isEmpty()) {
        assertThat(answer.getBody()).as(listing.path()).contains(shown);
        assertThat(answer.getHeaders().getETag()).as(listing.path())
            .isNotEqualTo(before.get(listing.path()).getHeaders().getETag());
      }
    }
    for (Function<Names, String> of : OF_ADVISORY) {
      ResponseEntity<String> answer = get(of.apply(names));
      assertThat(answer.getStatusCode()).as(of.apply(names)).isEqualTo(HttpStatus.OK);
      assertThat(answer.getBody()).as(of.apply(names)).doesNotContain(caseId);
      publicCache(of.apply(names), answer);
    }
    JsonNode csaf = JSON.readTree(get(names.csaf()).getBody());
    assertThat(csaf.at("/vulnerabilities/0/cve").asText()).isEqualTo(cve);
    assertThat(AdvisorySchemas.csafErrors(csaf)).isEmpty();
    assertThat(get(names.csaf() + ".sha256").getBody())
        .isEqualTo(CsafDistribution.sha256(get(names.csaf()).getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "  " + CsafDistribution.fileName(trackingId) + "\n");

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
    for (Listing listing : LISTINGS) {
      String path = listing.path();
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
    assertThat(answer.getHeaders().getCacheControl()).as(path).contains("public").contains("max-age=300");
    assertThat(answer.getHeaders().getETag()).as(path).matches("\"[0-9a-f]{64}\"");
    assertThat(answer.getHeaders().getPragma()).as(path).isNull();
    assertThat(answer.getHeaders().getExpires()).as(path).isEqualTo(-1);
  }

  private Map<String, ResponseEntity<String>> listings() {
    Map<String, ResponseEntity<String>> answers = new HashMap<>();
    LISTINGS.forEach(listing -> answers.put(listing.path(), get(listing.path())));
    return answers;
  }

  /** A 404 may name the path asked for (Spring's problem detail does); nothing else may differ. */
  private static String withoutPath(String body, String path) {
    return body == null ? null : body.replace(path, "").replace(path.substring(1), "");
  }

  /** Without a login, as anyone. */
  private ResponseEntity<String> get(String path) {
    return http.getForEntity(path, String.class);
  }
}
