package io.github.securityrelease.distributors;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.OrchestratorIntegrationTest;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The distributors list through its API, and what the notices will read of it. */
@OrchestratorIntegrationTest
class DistributorsIT {

  private static final String ACCEPTED = "2026-01-15T10:00:00Z";

  @Autowired TestRestTemplate http;
  @Autowired DistributorRegistry registry;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName("R25 the security team registers a distributor: 201, Location, and the distributor as stored")
  void register() {
    String organisation = unique("Distro One");
    ResponseEntity<Map> created = send(HttpMethod.POST, "/api/v1/distributors",
        distributor(organisation, true, "security@distro-one.example", "psirt@distro-one.example"));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> body = created.getBody();
    long id = ((Number) body.get("id")).longValue();
    assertThat(created.getHeaders().getLocation()).isEqualTo(URI.create("/api/v1/distributors/" + id));
    assertThat(body)
        .containsEntry("organisation", organisation)
        .containsEntry("contacts", List.of("security@distro-one.example", "psirt@distro-one.example"))
        .containsEntry("active", true)
        .containsEntry("embargoPolicyAcceptedAt", ACCEPTED)
        .containsEntry("vouchedBy", "demo-security")
        .containsEntry("changedBy", "demo-security")
        .containsEntry("removedAt", null)
        .containsEntry("removalReason", null);
    assertThat(Instant.parse((String) body.get("createdAt"))).isEqualTo(Instant.parse((String) body.get("updatedAt")));

    assertThat(get("/api/v1/distributors/" + id).getBody()).isEqualTo(body);
    assertThat(list()).contains(body);
  }

  @Test
  @DisplayName("R25 a change replaces the details and is on record: when, by whom, and the state it left")
  void update() {
    long id = register(distributor(unique("Distro Two"), false, "old@distro-two.example"));
    Map<String, Object> change = distributor(unique("Distro Two renamed"), true, "new@distro-two.example",
        "psirt@distro-two.example");

    ResponseEntity<Map> updated = send(HttpMethod.PUT, "/api/v1/distributors/" + id, change);

    assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(updated.getBody())
        .containsEntry("id", (int) id)
        .containsEntry("organisation", change.get("organisation"))
        .containsEntry("contacts", List.of("new@distro-two.example", "psirt@distro-two.example"))
        .containsEntry("active", true)
        .containsEntry("changedBy", "demo-security");
    assertThat(Instant.parse((String) updated.getBody().get("updatedAt")))
        .isAfterOrEqualTo(Instant.parse((String) updated.getBody().get("createdAt")));
    assertThat(get("/api/v1/distributors/" + id).getBody()).isEqualTo(updated.getBody());
    assertThat(changes(id)).containsExactly("CREATED by demo-security", "UPDATED by demo-security");
    assertThat(jdbc.sql("select state from distributor_change where distributor_id = :id and action = 'UPDATED'")
        .param("id", id).query(String.class).single()).contains("new@distro-two.example", "Distro Two renamed");
  }

  @Test
  @DisplayName("R26 a removed distributor stays on record, inactive, with when and why, and cannot come back")
  void remove() {
    String organisation = unique("Distro Leaky");
    long id = register(distributor(organisation, true, "security@leaky.example"));

    ResponseEntity<String> removed = http.withBasicAuth("demo-security", "demo-security").exchange(
        "/api/v1/distributors/" + id + "?reason={reason}", HttpMethod.DELETE, null, String.class,
        "Leaked the embargoed advisory of SEC-2026-0001 twice");

    assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Map<String, Object> onRecord = get("/api/v1/distributors/" + id).getBody();
    assertThat(onRecord)
        .containsEntry("active", false)
        .containsEntry("removalReason", "Leaked the embargoed advisory of SEC-2026-0001 twice")
        .containsEntry("contacts", List.of("security@leaky.example"));
    assertThat(onRecord.get("removedAt")).isNotNull();
    assertThat(list()).contains(onRecord);

    assertThat(delete(id).getStatusCode()).as("removing again").isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(get("/api/v1/distributors/" + id).getBody()).as("the first removal stays on record").isEqualTo(onRecord);
    assertProblem(send(HttpMethod.PUT, "/api/v1/distributors/" + id, distributor(organisation, true,
        "security@leaky.example")), HttpStatus.CONFLICT);
    assertProblem(send(HttpMethod.POST, "/api/v1/distributors", distributor(organisation.toUpperCase(), true,
        "other@leaky.example")), HttpStatus.CONFLICT);
    assertThat(changes(id)).containsExactly("CREATED by demo-security", "REMOVED by demo-security");
  }

  @Test
  @DisplayName("R14 every active distributor's contacts get the notices: each address once, sorted")
  void activeRecipients() {
    register(distributor(unique("Distro Alpha"), true, "zeta@alpha.example", "Shared@Common.example"));
    register(distributor(unique("Distro Beta"), true, "beta@beta.example", "shared@common.example"));

    List<String> recipients = registry.activeRecipients();

    assertThat(recipients).contains("zeta@alpha.example", "beta@beta.example")
        .doesNotHaveDuplicates()
        .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    assertThat(recipients).filteredOn(address -> address.equalsIgnoreCase("shared@common.example")).hasSize(1);
  }

  @Test
  @DisplayName("R26 a removed distributor gets nothing more, nor does an inactive one")
  void removedAndInactiveGetNothing() {
    register(distributor(unique("Distro Applicant"), false, "applicant@applicant.example"));
    long paused = register(distributor(unique("Distro Paused"), true, "paused@paused.example"));
    long removed = register(distributor(unique("Distro Removed"), true, "removed@removed.example"));
    assertThat(registry.activeRecipients()).contains("paused@paused.example", "removed@removed.example");

    Map<String, Object> pause = distributor((String) get("/api/v1/distributors/" + paused).getBody().get("organisation"),
        false, "paused@paused.example");
    assertThat(send(HttpMethod.PUT, "/api/v1/distributors/" + paused, pause).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(delete(removed).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(registry.activeRecipients())
        .doesNotContain("applicant@applicant.example", "paused@paused.example", "removed@removed.example");
  }

  @Test
  @DisplayName("bad input is a 400 problem naming each bad field, and changes nothing")
  void badInput() {
    int before = list().size();
    assertBadFields(Map.of(), "active", "contacts", "organisation");
    Map<String, Object> bad = new HashMap<>(distributor("Two\nlines", true, "ok@distro.example", "not-an-address",
        "x@distro.example\r\nBcc: spy@evil.example"));
    bad.put("embargoPolicyAcceptedAt", null);
    bad.put("vouchedBy", null);
    assertBadFields(bad, "contacts[1]", "contacts[2]", "embargoPolicyAcceptedAt", "organisation", "vouchedBy");
    Map<String, Object> unknownField = new HashMap<>(distributor(unique("Distro"), true, "ok@distro.example"));
    unknownField.put("removedAt", ACCEPTED);
    assertBadFields(unknownField, "removedAt");
    Map<String, Object> wrongType = new HashMap<>(distributor(unique("Distro"), true, "ok@distro.example"));
    wrongType.put("contacts", "ok@distro.example");
    assertBadFields(wrongType, "contacts");
    Map<String, Object> badDate = new HashMap<>(distributor(unique("Distro"), true, "ok@distro.example"));
    badDate.put("embargoPolicyAcceptedAt", "last Tuesday");
    assertBadFields(badDate, "embargoPolicyAcceptedAt");

    long id = register(distributor(unique("Distro Valid"), true, "ok@distro.example"));
    ResponseEntity<Map> badUpdate = send(HttpMethod.PUT, "/api/v1/distributors/" + id,
        distributor("", true, "ok@distro.example"));
    assertThat(fields(badUpdate)).containsExactly("organisation");
    ResponseEntity<Map> longReason = http.withBasicAuth("demo-security", "demo-security").exchange(
        "/api/v1/distributors/" + id + "?reason={reason}", HttpMethod.DELETE, null, Map.class, "x".repeat(2001));
    assertThat(fields(longReason)).containsExactly("reason");
    assertThat(list()).hasSize(before + 1);
    assertThat(get("/api/v1/distributors/" + id).getBody()).containsEntry("active", true);
  }

  @Test
  @DisplayName("R25 only a current member of the security team vouches for a distributor")
  void voucherIsAMember() {
    Map<String, Object> vouchedByManager = new HashMap<>(distributor(unique("Distro Vouched"), true, "a@vouched.example"));
    vouchedByManager.put("vouchedBy", "demo-manager");
    assertBadFields(vouchedByManager, "vouchedBy");
    vouchedByManager.put("vouchedBy", "nobody-at-all");
    assertBadFields(vouchedByManager, "vouchedBy");
  }

  @Test
  @DisplayName("an unknown distributor is a 404 problem")
  void unknown() {
    assertProblem(get("/api/v1/distributors/999999"), HttpStatus.NOT_FOUND);
    assertProblem(send(HttpMethod.PUT, "/api/v1/distributors/999999", distributor(unique("Distro"), false,
        "a@distro.example")), HttpStatus.NOT_FOUND);
    assertProblem(http.withBasicAuth("demo-security", "demo-security")
        .exchange("/api/v1/distributors/999999", HttpMethod.DELETE, null, Map.class), HttpStatus.NOT_FOUND);
    assertProblem(get("/api/v1/distributors/not-a-number"), HttpStatus.BAD_REQUEST);
  }

  @Test
  @DisplayName("an organisation is on the list once, whatever the case of its name: 409")
  void duplicateOrganisation() {
    String organisation = unique("Distro Twice");
    long first = register(distributor(organisation, true, "a@twice.example"));
    assertProblem(send(HttpMethod.POST, "/api/v1/distributors",
        distributor("  " + organisation.toLowerCase() + " ", true, "b@twice.example")), HttpStatus.CONFLICT);

    long second = register(distributor(unique("Distro Other"), true, "c@other.example"));
    assertProblem(send(HttpMethod.PUT, "/api/v1/distributors/" + second,
        distributor(organisation.toUpperCase(), true, "c@other.example")), HttpStatus.CONFLICT);
    assertThat(send(HttpMethod.PUT, "/api/v1/distributors/" + first,
        distributor(organisation.toUpperCase(), true, "a@twice.example")).getStatusCode())
        .as("a distributor may change the case of its own name").isEqualTo(HttpStatus.OK);
  }

  @ParameterizedTest(name = "the distributors list needs a login: {0} {1} -> 401")
  @CsvSource({"GET, /api/v1/distributors", "GET, /api/v1/distributors/1", "POST, /api/v1/distributors",
      "PUT, /api/v1/distributors/1", "DELETE, /api/v1/distributors/1"})
  void closedWithoutCredentials(HttpMethod method, String path) {
    ResponseEntity<String> response = http.exchange(path, method, json(distributor("Distro", false, "a@d.example")),
        String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @ParameterizedTest(name = "only the security team keeps the list: {0} {1} {2} -> 403")
  @CsvSource({
      "demo-manager,    GET,    /api/v1/distributors",
      "demo-manager,    GET,    /api/v1/distributors/1",
      "demo-manager,    POST,   /api/v1/distributors",
      "demo-manager,    PUT,    /api/v1/distributors/1",
      "demo-manager,    DELETE, /api/v1/distributors/1",
      "demo-associate,  GET,    /api/v1/distributors",
      "demo-maintainer, POST,   /api/v1/distributors",
      "demo-release,    GET,    /api/v1/distributors",
      "demo-admin,      GET,    /api/v1/distributors"})
  void otherGroupsForbidden(String user, HttpMethod method, String path) {
    int before = registry.all().size();
    ResponseEntity<String> response = http.withBasicAuth(user, user).exchange(path, method,
        json(distributor(unique("Distro Intruder"), false, "a@intruder.example")), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(registry.all()).hasSize(before);
  }

  private long register(Map<String, Object> distributor) {
    ResponseEntity<Map> created = send(HttpMethod.POST, "/api/v1/distributors", distributor);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return ((Number) created.getBody().get("id")).longValue();
  }

  private static Map<String, Object> distributor(String organisation, boolean active, String... contacts) {
    Map<String, Object> distributor = new HashMap<>();
    distributor.put("organisation", organisation);
    distributor.put("contacts", List.of(contacts));
    distributor.put("active", active);
    distributor.put("embargoPolicyAcceptedAt", ACCEPTED);
    distributor.put("vouchedBy", "demo-security");
    return distributor;
  }

  private static String unique(String organisation) {
    return organisation + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  private List<String> changes(long id) {
    return jdbc.sql("select action, changed_by from distributor_change where distributor_id = :id order by id")
        .param("id", id)
        .query((rs, row) -> rs.getString("action") + " by " + rs.getString("changed_by"))
        .list();
  }

  private ResponseEntity<Map> send(HttpMethod method, String path, Map<String, Object> body) {
    return http.withBasicAuth("demo-security", "demo-security").exchange(path, method, json(body), Map.class);
  }

  private ResponseEntity<Map> get(String path) {
    return http.withBasicAuth("demo-security", "demo-security").getForEntity(path, Map.class);
  }

  private ResponseEntity<String> delete(long id) {
    return http.withBasicAuth("demo-security", "demo-security")
        .exchange("/api/v1/distributors/" + id, HttpMethod.DELETE, null, String.class);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> list() {
    ResponseEntity<List> response = http.withBasicAuth("demo-security", "demo-security")
        .getForEntity("/api/v1/distributors", List.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private void assertBadFields(Map<String, Object> body, String... fields) {
    ResponseEntity<Map> response = send(HttpMethod.POST, "/api/v1/distributors", body);
    assertThat(fields(response)).containsExactlyInAnyOrder(fields);
  }

  @SuppressWarnings("unchecked")
  private static List<String> fields(ResponseEntity<Map> response) {
    assertProblem(response, HttpStatus.BAD_REQUEST);
    List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
    return errors.stream().map(error -> error.get("field")).distinct().toList();
  }

  private static void assertProblem(ResponseEntity<?> response, HttpStatus status) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
