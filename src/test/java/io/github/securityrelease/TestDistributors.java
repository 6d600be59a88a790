package io.github.securityrelease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Distributors on the list the way the service allows (R25), for the ITs whose subject is not
 * how they joined: camunda-admin imports them, vouched for by demo-security a month ago.
 */
public final class TestDistributors {

  public static final String VOUCHER = "demo-security";

  private TestDistributors() {}

  /** One entry of an import. */
  public static Map<String, Object> entry(String organisation, String... contacts) {
    Map<String, Object> entry = new HashMap<>();
    entry.put("organisation", organisation);
    entry.put("contacts", List.of(contacts));
    entry.put("embargoPolicyAcceptedAt", Instant.now().minus(Duration.ofDays(30)).toString());
    entry.put("vouchedBy", VOUCHER);
    return entry;
  }

  /** Imported as demo-admin, active; its id as the security team reads it. */
  public static long imported(TestRestTemplate http, String organisation, String... contacts) {
    ResponseEntity<Map> answer = http.withBasicAuth("demo-admin", "demo-admin").postForEntity(
        "/api/v1/distributors/imports", Map.of("distributors", List.of(entry(organisation, contacts))), Map.class);
    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
    return id(http, organisation);
  }

  /** The id of the distributor named {@code organisation}, as the security team reads the list. */
  public static long id(TestRestTemplate http, String organisation) {
    List<Map<String, Object>> list = http.withBasicAuth(VOUCHER, VOUCHER).exchange("/api/v1/distributors",
        HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    return list.stream().filter(d -> organisation.equals(d.get("organisation")))
        .map(d -> ((Number) d.get("id")).longValue()).findFirst().orElseThrow();
  }

  /** Off the active list, on record still: what the security team may do with a change (R25). */
  public static void deactivated(TestRestTemplate http, long id, String organisation, String... contacts) {
    ResponseEntity<Map> answer = http.withBasicAuth(VOUCHER, VOUCHER).exchange("/api/v1/distributors/" + id,
        HttpMethod.PUT, new HttpEntity<>(Map.of("organisation", organisation, "contacts", List.of(contacts),
            "active", false)), Map.class);
    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
  }
}
