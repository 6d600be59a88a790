package io.github.securityrelease.cveservices;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.securityrelease.cases.OutsideCall;
import io.github.securityrelease.cveservices.contract.CveServicesFake;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import io.github.securityrelease.TestLogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CVE Services client against the fake, which holds every stub and request to CVE Services' description. */
class CveServicesClientTest {

  private static final String KEY = "cve-api-key-0123456789-SecretValue";
  private static final String ORG = "acme";
  private static final String USER = "release-bot@acme.example";
  private static final String CASE = "SEC-2026-0042";
  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private static final String ORG_UUID = "b3476cb9-2e3d-41a6-98d0-0f47421a65b6";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final CveServicesFake fake = new CveServicesFake();

  private final List<OutsideCall> calls = new CopyOnWriteArrayList<>();
  private final MemoryReservations reservations = new MemoryReservations();
  @RegisterExtension final TestLogs logs = new TestLogs(CveServicesClient.class.getName(), "org.springframework.web.client",
      "org.springframework.http");
  private CveServicesClient client;

  @BeforeEach
  void client() {
    client = new CveServicesClient(new CveServicesProperties(URI.create(fake.apiUrl()), ORG, USER, KEY), calls::add,
        reservations, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  @DisplayName("R12 reserving asks for one ID of the year for the CNA, with the three headers, and gives the CVE ID")
  void reserves() {
    fake.stub(post(urlPathEqualTo("/api/cve-id")).willReturn(okJson(reservedAnswer("CVE-2026-1234"))));

    assertThat(client.reserve(CASE, 2026)).isEqualTo("CVE-2026-1234");

    fake.server().verify(postRequestedFor(urlPathEqualTo("/api/cve-id"))
        .withQueryParam("amount", equalTo("1")).withQueryParam("cve_year", equalTo("2026"))
        .withQueryParam("short_name", equalTo(ORG))
        .withHeader("CVE-API-ORG", equalTo(ORG)).withHeader("CVE-API-USER", equalTo(USER))
        .withHeader("CVE-API-KEY", equalTo(KEY)));
    assertThat(reservations.find(CASE)).get().extracting(CveIdReservations.Reservation::cveId)
        .isEqualTo("CVE-2026-1234");
    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.operation()).isEqualTo("cveIdReserve");
      assertThat(call.path()).isEqualTo("/api/cve-id?amount=1&cve_year=2026&short_name=acme");
      assertThat(call.status()).isEqualTo(200);
      assertThat(call.caseId()).isEqualTo(CASE);
    });
  }

  @Test
  @DisplayName("R12 a second reservation of the case gives the ID on record without calling CVE Services")
  void reservesOnce() {
    fake.stub(post(urlPathEqualTo("/api/cve-id")).willReturn(okJson(reservedAnswer("CVE-2026-1234"))));
    client.reserve(CASE, 2026);

    assertThat(client.reserve(CASE, 2026)).isEqualTo("CVE-2026-1234");
    assertThat(fake.server().getAllServeEvents()).hasSize(1);
  }

  @Test
  @DisplayName("R12 a retry after a lost answer finds the ID its attempt reserved: by the configured user, since the "
      + "attempt, on no case's record, and reserves no second one")
  void retryFindsItsId() {
    reservations.attempt(CASE, 2026, NOW.minusSeconds(30));
    reservations.attempt("SEC-2026-0041", 2026, NOW.minusSeconds(60));
    reservations.reserved("SEC-2026-0041", "CVE-2026-1233");
    fake.stub(get(urlPathEqualTo("/api/cve-id")).willReturn(okJson("""
        {"totalCount":3,"itemsPerPage":500,"pageCount":1,"currentPage":1,
         "cve_ids":[
          %s, %s, %s]}""".formatted(listed("CVE-2026-1233", USER), listed("CVE-2026-1234", USER),
        listed("CVE-2026-1235", "someone.else@acme.example")))));

    assertThat(client.reserve(CASE, 2026)).isEqualTo("CVE-2026-1234");

    fake.server().verify(getRequestedFor(urlPathEqualTo("/api/cve-id"))
        .withQueryParam("state", equalTo("RESERVED")).withQueryParam("cve_id_year", equalTo("2026"))
        .withQueryParam("time_reserved.gt", equalTo("2026-12-02T11:57:30Z")));
    assertThat(fake.server().findAll(postRequestedFor(urlPathEqualTo("/api/cve-id")))).isEmpty();
    assertThat(reservations.find(CASE)).get().extracting(CveIdReservations.Reservation::cveId)
        .isEqualTo("CVE-2026-1234");
  }

  @Test
  @DisplayName("R12 a retry whose attempt reserved nothing reserves now; one that finds two unknown IDs refuses to guess")
  void retryWithoutOrWithTooMany() {
    reservations.attempt(CASE, 2026, NOW.minusSeconds(30));
    fake.stub(get(urlPathEqualTo("/api/cve-id")).willReturn(okJson("{\"cve_ids\":[]}")));
    fake.stub(post(urlPathEqualTo("/api/cve-id")).willReturn(okJson(reservedAnswer("CVE-2026-1240"))));
    assertThat(client.reserve(CASE, 2026)).isEqualTo("CVE-2026-1240");

    fake.server().resetMappings();
    String other = "SEC-2026-0050";
    reservations.attempt(other, 2026, NOW.minusSeconds(10));
    fake.stub(get(urlPathEqualTo("/api/cve-id")).willReturn(okJson("{\"cve_ids\":[%s, %s]}".formatted(
        listed("CVE-2026-1241", USER), listed("CVE-2026-1242", USER)))));
    assertThatThrownBy(() -> client.reserve(other, 2026)).isInstanceOf(CveServicesException.class)
        .hasMessageContaining("2 IDs reserved").hasMessageContaining("CVE-2026-1241").hasMessageContaining("person");
    assertThat(reservations.find(other)).get().extracting(CveIdReservations.Reservation::cveId).isNull();
  }

  @Test
  @DisplayName("R12 an answer with no CVE ID of the year asked for is refused, and the case keeps no ID")
  void wrongYearRefused() {
    fake.stub(post(urlPathEqualTo("/api/cve-id")).willReturn(okJson(reservedAnswer("CVE-2025-1234"))));

    assertThatThrownBy(() -> client.reserve(CASE, 2026)).isInstanceOf(CveServicesException.class)
        .hasMessageContaining("no CVE ID of 2026");
    assertThat(reservations.find(CASE)).get().extracting(CveIdReservations.Reservation::cveId).isNull();
  }

  @Test
  @DisplayName("publishing posts the CNA container with the organization's UUID, read once; updating puts it")
  void publishesAndUpdates() throws Exception {
    fake.stub(get(urlPathEqualTo("/api/org/acme")).willReturn(okJson(
        "{\"name\":\"Acme\",\"short_name\":\"acme\",\"UUID\":\"" + ORG_UUID + "\"}")));
    fake.stub(post(urlPathEqualTo("/api/cve/CVE-2026-1234/cna")).willReturn(okJson(recordAnswer("created"))));
    fake.stub(put(urlPathEqualTo("/api/cve/CVE-2026-1234/cna")).willReturn(okJson(recordAnswer("updated"))));

    client.publish(CASE, "CVE-2026-1234", container());
    client.update(CASE, "CVE-2026-1234", container());

    fake.server().verify(postRequestedFor(urlPathEqualTo("/api/cve/CVE-2026-1234/cna"))
        .withRequestBody(matchingJsonPath("$.cnaContainer.providerMetadata.orgId", equalTo(ORG_UUID)))
        .withRequestBody(matchingJsonPath("$.cnaContainer.descriptions[0].value", equalTo(
            "Widget before 1.2.4 lets a user read any file."))));
    fake.server().verify(putRequestedFor(urlPathEqualTo("/api/cve/CVE-2026-1234/cna"))
        .withRequestBody(matchingJsonPath("$.cnaContainer.providerMetadata.orgId", equalTo(ORG_UUID))));
    assertThat(calls).extracting(OutsideCall::operation)
        .containsExactly("orgSingle", "cveCnaCreateSingle", "cveCnaUpdateSingle");
  }

  @Test
  @DisplayName("a retried publication whose record exists already updates it instead")
  void publishIsIdempotent() throws Exception {
    fake.stub(post(urlPathEqualTo("/api/cve/CVE-2026-1234/cna")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"CVE_RECORD_EXISTS\",\"message\":\"The cve record for the cve id already exists.\"}")));
    fake.stub(put(urlPathEqualTo("/api/cve/CVE-2026-1234/cna")).willReturn(okJson(recordAnswer("updated"))));
    JsonNode container = container();
    ((com.fasterxml.jackson.databind.node.ObjectNode) container).putObject("providerMetadata").put("orgId", ORG_UUID);

    client.publish(CASE, "CVE-2026-1234", container);

    assertThat(calls).extracting(OutsideCall::operation, OutsideCall::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("cveCnaCreateSingle", 403),
            org.assertj.core.groups.Tuple.tuple("cveCnaUpdateSingle", 200));
  }

  @Test
  @DisplayName("rejecting by the ID's state: a reserved ID's rejection is created, a published record's updated, "
      + "a rejected ID left alone")
  void rejects() {
    String reason = "The report was not a vulnerability of the product.";
    String body = "{\"cnaContainer\":{\"rejectedReasons\":[{\"lang\":\"en\",\"value\":\"" + reason + "\"}]}}";
    fake.stub(get(urlPathEqualTo("/api/cve-id/CVE-2026-1234")).willReturn(okJson(idAnswer("CVE-2026-1234", "RESERVED"))));
    fake.stub(get(urlPathEqualTo("/api/cve-id/CVE-2026-1235")).willReturn(okJson(idAnswer("CVE-2026-1235", "PUBLISHED"))));
    fake.stub(get(urlPathEqualTo("/api/cve-id/CVE-2026-1236")).willReturn(okJson(idAnswer("CVE-2026-1236", "REJECTED"))));
    fake.stub(post(urlPathEqualTo("/api/cve/CVE-2026-1234/reject")).willReturn(okJson(rejectedAnswer(reason))));
    fake.stub(put(urlPathEqualTo("/api/cve/CVE-2026-1235/reject")).willReturn(okJson(rejectedAnswer(reason))));

    client.reject(CASE, "CVE-2026-1234", reason);
    client.reject(CASE, "CVE-2026-1235", reason);
    client.reject(CASE, "CVE-2026-1236", reason);

    fake.server().verify(postRequestedFor(urlPathEqualTo("/api/cve/CVE-2026-1234/reject"))
        .withRequestBody(equalToJson(body)));
    fake.server().verify(putRequestedFor(urlPathEqualTo("/api/cve/CVE-2026-1235/reject"))
        .withRequestBody(equalToJson(body)));
    assertThat(calls).extracting(OutsideCall::operation).containsExactly("cveIdGetSingle", "cveCnaCreateReject",
        "cveIdGetSingle", "cveCnaUpdateReject", "cveIdGetSingle");
  }

  @Test
  @DisplayName("R12 what is no CVE ID is refused before any call")
  void notACveId() {
    assertThatThrownBy(() -> client.publish(CASE, "GHSA-xxxx-xxxx-xxxx", container()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("R12");
    assertThatThrownBy(() -> client.reject(CASE, "CVE-26-1", "why")).isInstanceOf(IllegalArgumentException.class);
    assertThat(calls).isEmpty();
  }

  @Test
  @DisplayName("a refusal says the operation, status and CVE Services' error, cut short, is on record, and the key is "
      + "in no message, record or log line, even when CVE Services echoes it")
  void errorsSummarisedWithoutTheKey() {
    fake.stub(post(urlPathEqualTo("/api/cve-id")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"UNAUTHORIZED\",\"message\":\"Bad key " + KEY + " " + "x".repeat(500) + "\"}")));

    assertThatThrownBy(() -> client.reserve(CASE, 2026)).isInstanceOf(CveServicesException.class)
        .satisfies(e -> {
          assertThat(e.getMessage()).contains("cveIdReserve", "401", "UNAUTHORIZED").doesNotContain(KEY)
              .hasSizeLessThan(400);
          assertThat(((CveServicesException) e).status()).isEqualTo(401);
        });
    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.status()).isEqualTo(401);
      assertThat(call.error()).startsWith("401 UNAUTHORIZED").doesNotContain(KEY);
    });
    assertThat(logs.lines()).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(KEY));
  }

  @Test
  @DisplayName("no answer at all is a failure on record with no status, the key in no message")
  void noAnswer() {
    fake.stub(post(urlPathEqualTo("/api/cve-id")).willReturn(aResponse()
        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client.reserve(CASE, 2026)).isInstanceOf(CveServicesException.class)
        .hasMessageContaining("did not answer cveIdReserve").satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.status()).isNull();
      assertThat(call.error()).startsWith("no answer");
    });
    fake.forgetRequests();
  }

  @Test
  @DisplayName("the properties: unset url is not configured, http only on loopback, the key never in toString")
  void properties() {
    assertThat(new CveServicesProperties(null, null, null, null).configured()).isFalse();
    assertThat(new CveServicesProperties(URI.create("https://cveawg.mitre.org/api"), ORG, USER, KEY))
        .hasToString("CveServicesProperties[url=https://cveawg.mitre.org/api, org=acme, "
            + "user=release-bot@acme.example, apiKey=***]");
    assertThatThrownBy(() -> new CveServicesProperties(URI.create("http://cve.example/api"), ORG, USER, KEY))
        .hasMessageContaining("https");
    assertThatThrownBy(() -> new CveServicesProperties(URI.create("https://cve.example/api"), ORG, USER, null))
        .hasMessageContaining("api-key").satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
  }

  private static JsonNode container() {
    try {
      return JSON.readTree("""
          {"title":"Path traversal in widget",
           "descriptions":[{"lang":"en","value":"Widget before 1.2.4 lets a user read any file."}],
           "affected":[{"vendor":"acme","product":"widget","versions":[{"version":"1.2.0","lessThan":"1.2.4",
             "status":"affected","versionType":"semver"}],"defaultStatus":"unaffected"}],
           "references":[{"url":"https://github.com/acme/widget/releases/tag/v1.2.4"}]}""");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String reservedAnswer(String cveId) {
    return """
        {"cve_ids":[{"cve_id":"%s","cve_year":"%s","owning_cna":"acme","state":"RESERVED",
          "requested_by":{"cna":"acme","user":"%s"},"reserved":"2026-12-02T12:00:01.000Z"}],
         "meta":{"remaining_quota":99}}""".formatted(cveId, cveId.substring(4, 8), USER);
  }

  private static String listed(String cveId, String user) {
    return """
        {"cve_id":"%s","cve_year":"2026","owning_cna":"acme","state":"RESERVED",
         "requested_by":{"cna":"acme","user":"%s"},"reserved":"2026-12-02T11:59:40.000Z",
         "time":{"created":"2026-12-02T11:59:40.000Z","modified":"2026-12-02T11:59:40.000Z"}}"""
        .formatted(cveId, user);
  }

  private static String idAnswer(String cveId, String state) {
    return """
        {"cve_id":"%s","cve_year":"2026","owning_cna":"acme","state":"%s",
         "requested_by":{"cna":"acme","user":"%s"},"reserved":"2026-12-01T09:00:00.000Z"}""".formatted(cveId, state, USER);
  }

  private static String recordAnswer(String what) {
    return "{\"message\":\"CVE-2026-1234 record was successfully " + what + ".\",\"" + what + "\":{\"cveMetadata\":"
        + "{\"cveId\":\"CVE-2026-1234\",\"state\":\"PUBLISHED\"},\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.1\"}}";
  }

  private static String rejectedAnswer(String reason) {
    return "{\"message\":\"rejected\",\"created\":{\"containers\":{\"cna\":{\"rejectedReasons\":[{\"lang\":\"en\","
        + "\"value\":\"" + reason + "\"}]}}}}";
  }

  /** The reservations as the database keeps them, in memory. */
  private static final class MemoryReservations implements CveIdReservations {

    private final Map<String, Reservation> byCase = new ConcurrentHashMap<>();

    @Override
    public Optional<Reservation> find(String caseId) {
      return Optional.ofNullable(byCase.get(caseId));
    }

    @Override
    public void attempt(String caseId, int year, Instant at) {
      byCase.putIfAbsent(caseId, new Reservation(caseId, year, at, null));
    }

    @Override
    public void reserved(String caseId, String cveId) {
      byCase.computeIfPresent(caseId, (id, r) -> new Reservation(id, r.year(), r.attemptedAt(), cveId));
    }

    @Override
    public Set<String> known(Collection<String> cveIds) {
      Set<String> onRecord = byCase.values().stream().map(Reservation::cveId).collect(Collectors.toSet());
      return cveIds.stream().filter(onRecord::contains).collect(Collectors.toSet());
    }
  }
}
