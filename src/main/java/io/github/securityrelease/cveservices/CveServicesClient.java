package io.github.securityrelease.cveservices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.securityrelease.cases.OutsideCall;
import io.github.securityrelease.web.OutsideUrls;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * CVE Services' API for a project that is a CNA (R12, R18), with Spring's {@link RestClient} on
 * the JDK's HTTP client; every request carries {@code CVE-API-ORG}, {@code CVE-API-USER} and
 * {@code CVE-API-KEY}. A bean only when {@code security-release.cve-services.url} is set.
 * <ul>
 *   <li>{@link #reserve}: one ID of a year for the CNA, idempotent per case: the attempt is on
 *       {@link CveIdReservations} before the request goes out, so a retry after a lost answer
 *       lists the org's reserved IDs since the attempt and takes the one the configured user
 *       reserved that is on no case's record; two such IDs are ambiguous and a person decides.</li>
 *   <li>{@link #publish}: the CNA container; a record that exists already (a retried publication)
 *       is updated instead. {@link #update}: the same container again.</li>
 *   <li>{@link #reject}: by the ID's state, a reserved ID's rejection created, a published
 *       record's rejected, a rejected one left alone.</li>
 *   <li>Every HTTP call goes to the {@link CveServicesCallRecorder}, the case's record.</li>
 *   <li>A refusal says the operation, the status and CVE Services' {@code error} and
 *       {@code message}, never the answer's whole body; the key is in no message and no log line.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(prefix = "security-release.cve-services", name = "url")
public class CveServicesClient {

  /** R12: the CVE format, as the CVE record schema has it. */
  static final Pattern CVE_ID = Pattern.compile("CVE-(\\d{4})-\\d{4,19}");

  /** How long before a case's first attempt a reservation found again may have been made: clocks differ. */
  static final Duration CLOCK_SLACK = Duration.ofMinutes(2);

  static final int MAX_PAGES = 20;
  private static final Logger log = LoggerFactory.getLogger(CveServicesClient.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final CveServicesProperties properties;
  private final CveServicesCallRecorder recorder;
  private final CveIdReservations reservations;
  private final Clock clock;
  private final RestClient rest;
  private final String api;
  private volatile String orgId;

  @Autowired
  public CveServicesClient(CveServicesProperties properties, CveServicesCalls calls, CveIdReservations reservations) {
    this(properties, calls, reservations, Clock.systemUTC());
  }

  CveServicesClient(CveServicesProperties properties, CveServicesCallRecorder recorder,
      CveIdReservations reservations, Clock clock) {
    if (!properties.configured()) {
      throw new IllegalArgumentException("security-release.cve-services.url is not set");
    }
    this.properties = properties;
    this.recorder = recorder;
    this.reservations = reservations;
    this.clock = clock;
    this.api = properties.url().toString().replaceAll("/+$", "");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(Duration.ofSeconds(60));
    this.rest = RestClient.builder().requestFactory(requests)
        .defaultHeader("CVE-API-ORG", properties.org())
        .defaultHeader("CVE-API-USER", properties.user())
        .defaultHeader("CVE-API-KEY", properties.apiKey())
        .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
        .build();
  }

  /**
   * The case's CVE ID of {@code year}, reserved for the CNA (R12): the one on record if an
   * earlier call reserved it, else the one an earlier attempt reserved without its answer
   * arriving, else a new one.
   *
   * @throws CveServicesException when CVE Services refuses, gives no CVE ID of that year, or an
   *     earlier attempt's ID cannot be told from another
   */
  public String reserve(String caseId, int year) {
    var known = reservations.find(caseId);
    if (known.isPresent() && known.get().cveId() != null) {
      return known.get().cveId();
    }
    if (known.isPresent()) {
      List<String> lost = reservedSince(caseId, known.get().year(), known.get().attemptedAt());
      if (lost.size() == 1) {
        reservations.reserved(caseId, lost.get(0));
        log.info("CVE Services: case {} found {} that an earlier attempt reserved", caseId, lost.get(0));
        return lost.get(0);
      }
      if (lost.size() > 1) {
        throw new CveServicesException("CVE Services holds " + lost.size() + " IDs reserved by "
            + properties.user() + " since case " + caseId + "'s first attempt and on no case's record, "
            + lost + ": which one is the case's is for a person to decide", null, null);
      }
    } else {
      reservations.attempt(caseId, year, clock.instant());
    }
    URI uri = uri("/cve-id").queryParam("amount", 1).queryParam("cve_year", year)
        .queryParam("short_name", properties.org()).build().toUri();
    JsonNode answer = call(caseId, "cveIdReserve", HttpMethod.POST, uri, null);
    JsonNode ids = answer.path("cve_ids");
    String cveId = ids.path(0).path("cve_id").asText("");
    if (ids.size() != 1 || !isCveIdOf(cveId, year)) {
      throw new CveServicesException("CVE Services answered cveIdReserve with no CVE ID of " + year + " (R12): "
          + OutsideUrls.shownText(ids.toString(), null), 200, null);
    }
    reservations.reserved(caseId, cveId);
    return cveId;
  }

  /**
   * Publishes the case's CVE record from its CNA container (the {@code containers.cna} of a CVE
   * 5 record); a record that exists already is updated, so a retry publishes once.
   */
  public void publish(String caseId, String cveId, JsonNode cnaContainer) {
    requireCveId(cveId);
    try {
      call(caseId, "cveCnaCreateSingle", HttpMethod.POST, uri("/cve/{id}/cna").buildAndExpand(cveId).toUri(),
          body(caseId, cnaContainer));
    } catch (CveServicesException e) {
      if (!"CVE_RECORD_EXISTS".equals(e.error())) {
        throw e;
      }
      log.info("CVE Services: the record of {} exists already (case {}): updated instead", cveId, caseId);
      update(caseId, cveId, cnaContainer);
    }
  }

  /** Updates the published record of {@code cveId} with the case's CNA container as it is now. */
  public void update(String caseId, String cveId, JsonNode cnaContainer) {
    requireCveId(cveId);
    call(caseId, "cveCnaUpdateSingle", HttpMethod.PUT, uri("/cve/{id}/cna").buildAndExpand(cveId).toUri(),
        body(caseId, cnaContainer));
  }

  /**
   * Rejects {@code cveId} with {@code reason} (in English): a reserved ID gets a rejected record,
   * a published record is rejected, an ID rejected already is left as it is.
   */
  public void reject(String caseId, String cveId, String reason) {
    requireCveId(cveId);
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a rejection needs a reason");
    }
    JsonNode id = call(caseId, "cveIdGetSingle", HttpMethod.GET, uri("/cve-id/{id}").buildAndExpand(cveId).toUri(),
        null);
    ObjectNode body = MAPPER.createObjectNode();
    body.putObject("cnaContainer").putArray("rejectedReasons").addObject().put("lang", "en").put("value", reason);
    URI reject = uri("/cve/{id}/reject").buildAndExpand(cveId).toUri();
    switch (id.path("state").asText()) {
      case "RESERVED" -> call(caseId, "cveCnaCreateReject", HttpMethod.POST, reject, body);
      case "PUBLISHED" -> call(caseId, "cveCnaUpdateReject", HttpMethod.PUT, reject, body);
      case "REJECTED" -> log.info("CVE Services: {} is rejected already (case {})", cveId, caseId);
      default -> throw new CveServicesException("CVE Services gives " + cveId + " no state it can be rejected from: '"
          + OutsideUrls.shownText(id.path("state").asText(), null) + "'", 200, null);
    }
  }

  /** The IDs of {@code year} the configured user reserved since {@code attempt} that are on no case's record. */
  private List<String> reservedSince(String caseId, int year, Instant attempt) {
    String since = DateTimeFormatter.ISO_INSTANT.format(attempt.minus(CLOCK_SLACK).truncatedTo(ChronoUnit.SECONDS));
    List<String> found = new ArrayList<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      URI uri = uri("/cve-id").queryParam("state", "RESERVED").queryParam("cve_id_year", year)
          .queryParam("time_reserved.gt", "{since}").queryParam("page", page).encode()
          .buildAndExpand(since).toUri();
      JsonNode answer = call(caseId, "cveIdGetFiltered", HttpMethod.GET, uri, null);
      for (JsonNode id : answer.path("cve_ids")) {
        if (properties.user().equals(id.path("requested_by").path("user").asText())
            && properties.org().equals(id.path("owning_cna").asText()) && isCveIdOf(id.path("cve_id").asText(), year)) {
          found.add(id.path("cve_id").asText());
        }
      }
      if (!answer.path("nextPage").canConvertToInt() || answer.path("nextPage").asInt() <= page) {
        break;
      }
    }
    Set<String> onRecord = reservations.known(found);
    return found.stream().filter(id -> !onRecord.contains(id)).distinct().toList();
  }

  /** The request's body: the container, with the organization's UUID where it names none (the description requires it). */
  private ObjectNode body(String caseId, JsonNode cnaContainer) {
    if (cnaContainer == null || !cnaContainer.isObject()) {
      throw new IllegalArgumentException("a CNA container is a JSON object");
    }
    ObjectNode container = cnaContainer.deepCopy();
    if (container.path("providerMetadata").path("orgId").asText("").isEmpty()) {
      ObjectNode provider = container.putObject("providerMetadata");
      provider.put("orgId", orgId(caseId)).put("shortName", properties.org());
    }
    ObjectNode body = MAPPER.createObjectNode();
    body.set("cnaContainer", container);
    return body;
  }

  private String orgId(String caseId) {
    String known = orgId;
    if (known == null) {
      JsonNode org = call(caseId, "orgSingle", HttpMethod.GET,
          uri("/org/{identifier}").buildAndExpand(properties.org()).toUri(), null);
      known = org.path("UUID").asText("");
      if (known.isEmpty()) {
        throw new CveServicesException("CVE Services gives the organization " + properties.org() + " no UUID", 200,
            null);
      }
      orgId = known;
    }
    return known;
  }

  /**
   * One HTTP call, on the case's record whatever came of it.
   *
   * @return the answer's JSON, a missing node when it had none
   * @throws CveServicesException when no answer came or its status is not 2xx
   */
  private JsonNode call(String caseId, String operation, HttpMethod method, URI uri, JsonNode body) {
    Instant start = clock.instant();
    long started = System.nanoTime();
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Integer status = null;
    String error = null;
    try {
      RestClient.RequestBodySpec request = rest.method(method).uri(uri);
      if (body != null) {
        request.contentType(MediaType.APPLICATION_JSON).body(body.toString());
      }
      Answer answer = request.exchange((req, res) -> new Answer(res.getStatusCode().value(), read(res.getBody())));
      status = answer.status();
      JsonNode json = parse(answer.body());
      if (status < 200 || status > 299) {
        String name = json.path("error").asText(null);
        error = OutsideUrls.shownText(status + (name != null ? " " + name : "") + ": " + json.path("message").asText(""),
            properties.apiKey());
        log.warn("CVE Services refused {} for case {}: {}", operation, caseId, error);
        throw new CveServicesException("CVE Services refused " + operation + " (" + method + " "
            + uri.getRawPath() + "): " + error, status, name);
      }
      log.info("CVE Services {} {} for case {}: {}", operation, method, caseId, status);
      return json;
    } catch (RestClientException e) {
      error = "no answer: " + e.getClass().getSimpleName();
      log.warn("CVE Services did not answer {} for case {}: {}", operation, caseId, e.getClass().getSimpleName());
      throw new CveServicesException("CVE Services did not answer " + operation + " (" + method + " "
          + uri.getRawPath() + "): " + e.getClass().getSimpleName(), null, null);
    } finally {
      recorder.record(new OutsideCall(caseId, operation, method.name(), path, status, error, start,
          Duration.ofNanos(System.nanoTime() - started).toMillis()));
    }
  }

  private UriComponentsBuilder uri(String path) {
    return UriComponentsBuilder.fromUriString(api).path(path);
  }

  private static boolean isCveIdOf(String cveId, int year) {
    var matcher = CVE_ID.matcher(cveId);
    return matcher.matches() && Integer.parseInt(matcher.group(1)) == year;
  }

  private static void requireCveId(String cveId) {
    if (cveId == null || !CVE_ID.matcher(cveId).matches()) {
      throw new IllegalArgumentException("not a CVE ID (R12): " + OutsideUrls.shownText(String.valueOf(cveId), null));
    }
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }

  private record Answer(int status, String body) {}
}
