package io.github.securityrelease.distributors;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.OrchestratorIntegrationTest;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
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
  @Autowired DistributorChangeLog changeLog;

  @Test
  @DisplayName("R25 camunda-admin imports a vetted list: 201 with the names alone, each active, IMPORTED by the admin in its change log")
  void imported() {
    String one = unique("Distro One");
    String two = unique("Distro Two");
    ResponseEntity<Map> answer = importAs("demo-admin", entry(one, "security@distro-one.example",
        "psirt@distro-one.example"), entry("  " + two + " ", "security@distro-two.example"));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(answer.getBody()).as("R27 no ids: they would tell the list's size")
        .isEqualTo(Map.of("imported", List.of(one, two)));
    Map<String, Object> body = get("/api/v1/distributors/" + id(one)).getBody();
    assertThat(body)
        .containsEntry("organisation", one)
        .containsEntry("contacts", List.of("security@distro-one.example", "psirt@distro-one.example"))
        .containsEntry("active", true)
        .containsEntry("embargoPolicyAcceptedAt", ACCEPTED)
        .containsEntry("vouchedBy", "demo-security")
        .containsEntry("changedBy", "demo-admin")
        .containsEntry("removedAt", null)
        .containsEntry("removalReason", null);
    assertThat(Instant.parse((String) body.get("createdAt"))).isEqualTo(Instant.parse((String) body.get("updatedAt")));
    assertThat(list()).contains(body);
    assertThat(changes(id(one))).containsExactly("IMPORTED by demo-admin");
    assertThat(changeLog.of(id(two))).singleElement().satisfies(change -> {
      assertThat(change.action()).as("an import, not an application").isEqualTo(DistributorChangeLog.Change.IMPORTED);
      assertThat(change.changedBy()).isEqualTo("demo-admin");
    });
    assertThat(registry.activeRecipients()).contains("psirt@distro-one.example", "security@distro-two.example");
  }

  @Test
  @DisplayName("R25 the security team cannot put a distributor on the list directly: 403 pointing to the applications, nothing on record")
  void noDirectRegistration() {
    int distributors = registry.all().size();
    int logged = changeRows();
    String organisation = unique("Distro Direct");

    ResponseEntity<Map> refused = send(HttpMethod.POST, "/api/v1/distributors",
        distributor(organisation, true, "security@direct.example"));

    assertProblem(refused, HttpStatus.FORBIDDEN);
    assertThat((String) refused.getBody().get("detail")).contains("POST /api/v1/distributor-applications");
    assertProblem(send(HttpMethod.POST, "/api/v1/distributors", distributor(organisation, false,
        "security@direct.example")), HttpStatus.FORBIDDEN);
    assertThat(registry.all()).hasSize(distributors).noneMatch(d -> d.organisation().equals(organisation));
    assertThat(changeRows()).isEqualTo(logged);
  }

  @Test
  @DisplayName("R25 a change never makes a distributor active, nor changes who vouched or when: 400 naming the field, nothing changed")
  void changeDoesNotJoin() {
    String organisation = unique("Distro Paused");
    long id = imported(organisation, "security@paused.example");
    Map<String, Object> pause = distributor(organisation, false, "security@paused.example");
    assertThat(send(HttpMethod.PUT, "/api/v1/distributors/" + id, pause).getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> paused = get("/api/v1/distributors/" + id).getBody();
    assertThat(paused).containsEntry("active", false);

    assertThat(fields(send(HttpMethod.PUT, "/api/v1/distributors/" + id,
        distributor(organisation, true, "security@paused.example")))).containsExactly("active");
    Map<String, Object> otherVoucher = new HashMap<>(distributor(organisation, false, "security@paused.example"));
    otherVoucher.put("vouchedBy", "demo-associate");
    assertThat(fields(send(HttpMethod.PUT, "/api/v1/distributors/" + id, otherVoucher))).containsExactly("vouchedBy");
    Map<String, Object> otherAcceptance = new HashMap<>(distributor(organisation, false, "security@paused.example"));
    otherAcceptance.put("embargoPolicyAcceptedAt", "2026-02-01T00:00:00Z");
    assertThat(fields(send(HttpMethod.PUT, "/api/v1/distributors/" + id, otherAcceptance)))
        .containsExactly("embargoPolicyAcceptedAt");

    assertThat(get("/api/v1/distributors/" + id).getBody()).isEqualTo(paused);
    assertThat(changes(id)).containsExactly("IMPORTED by demo-admin", "UPDATED by demo-security");
    assertThat(registry.activeRecipients()).doesNotContain("security@paused.example");
  }

  @Test
  @DisplayName("R25 a change replaces the name and contacts and is on record: when, by whom, and the state it left")
  void update() {
    long id = imported(unique("Distro Two"), "old@distro-two.example");
    Map<String, Object> change = distributor(unique("Distro Two renamed"), true, "new@distro-two.example",
        "psirt@distro-two.example");

    ResponseEntity<Map> updated = send(HttpMethod.PUT, "/api/v1/distributors/" + id, change);

    assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(updated.getBody())
        .containsEntry("id", (int) id)
        .containsEntry("organisation", change.get("organisation"))
        .containsEntry("contacts", List.of("new@distro-two.example", "psirt@distro-two.example"))
        .containsEntry("active", true)
        .containsEntry("vouchedBy", "demo-security")
        .containsEntry("embargoPolicyAcceptedAt", ACCEPTED)
        .containsEntry("changedBy", "demo-security");
    assertThat(Instant.parse((String) updated.getBody().get("updatedAt")))
        .isAfterOrEqualTo(Instant.parse((String) updated.getBody().get("createdAt")));
    assertThat(get("/api/v1/distributors/" + id).getBody()).isEqualTo(updated.getBody());
    assertThat(changes(id)).containsExactly("IMPORTED by demo-admin", "UPDATED by demo-security");
    assertThat(jdbc.sql("select state from distributor_change where distributor_id = :id and action = 'UPDATED'")
        .param("id", id).query(String.class).single()).contains("new@distro-two.example", "Distro Two renamed");
  }

  @Test
  @DisplayName("R26 a removed distributor stays on record, inactive, with when and why, and cannot come back")
  void remove() {
    String organisation = unique("Distro Leaky");
    long id = imported(organisation, "security@leaky.example");

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
    assertProblem(importAs("demo-admin", entry(organisation.toUpperCase(), "other@leaky.example")), HttpStatus.CONFLICT);
    assertThat(changes(id)).containsExactly("IMPORTED by demo-admin", "REMOVED by demo-security");
  }

  @Test
  @DisplayName("R14 every active distributor's contacts get the notices: each address once, sorted")
  void activeRecipients() {
    importAs("demo-admin", entry(unique("Distro Alpha"), "zeta@alpha.example", "Shared@Common.example"),
        entry(unique("Distro Beta"), "beta@beta.example", "shared@common.example"));

    List<String> recipients = registry.activeRecipients();

    assertThat(recipients).contains("zeta@alpha.example", "beta@beta.example")
        .doesNotHaveDuplicates()
        .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    assertThat(recipients).filteredOn(address -> address.equalsIgnoreCase("shared@common.example")).hasSize(1);
  }

  @Test
  @DisplayName("R26 a removed distributor gets nothing more, nor does an inactive one")
  void removedAndInactiveGetNothing() {
    long paused = imported(unique("Distro Paused"), "paused@paused.example");
    long removed = imported(unique("Distro Removed"), "removed@removed.example");
    assertThat(registry.activeRecipients()).contains("paused@paused.example", "removed@removed.example");

    Map<String, Object> pause = distributor((String) get("/api/v1/distributors/" + paused).getBody().get("organisation"),
        false, "paused@paused.example");
    assertThat(send(HttpMethod.PUT, "/api/v1/distributors/" + paused, pause).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(delete(removed).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(registry.activeRecipients())
        .doesNotContain("paused@paused.example", "removed@removed.example");
  }

  @Test
  @DisplayName("a bad change is a 400 problem naming each bad field, and changes nothing")
  void badInput() {
    long id = imported(unique("Distro Valid"), "ok@distro.example");
    Map<String, Object> before = get("/api/v1/distributors/" + id).getBody();
    int distributors = list().size();
    assertBadFields(id, Map.of(), "active", "contacts", "organisation");
    Map<String, Object> bad = new HashMap<>(distributor("Two\nlines", true, "ok@distro.example", "not-an-address",
        "x@distro.example\r\nBcc: spy@evil.example"));
    bad.put("embargoPolicyAcceptedAt", null);
    bad.put("vouchedBy", null);
    assertBadFields(id, bad, "contacts[1]", "contacts[2]", "embargoPolicyAcceptedAt", "organisation", "vouchedBy");
    Map<String, Object> unknownField = new HashMap<>(distributor(unique("Distro"), true, "ok@distro.example"));
    unknownField.put("removedAt", ACCEPTED);
    assertBadFields(id, unknownField, "removedAt");
    Map<String, Object> wrongType = new HashMap<>(distributor(unique("Distro"), true, "ok@distro.example"));
    wrongType.put("contacts", "ok@distro.example");
    assertBadFields(id, wrongType, "contacts");
    Map<String, Object> badDate = new HashMap<>(distributor(unique("Distro"), true, "ok@distro.example"));
    badDate.put("embargoPolicyAcceptedAt", "last Tuesday");
    assertBadFields(id, badDate, "embargoPolicyAcceptedAt");

    ResponseEntity<Map> badUpdate = send(HttpMethod.PUT, "/api/v1/distributors/" + id,
        distributor("", true, "ok@distro.example"));
    assertThat(fields(badUpdate)).containsExactly("organisation");
    ResponseEntity<Map> longReason = http.withBasicAuth("demo-security", "demo-security").exchange(
        "/api/v1/distributors/" + id + "?reason={reason}", HttpMethod.DELETE, null, Map.class, "x".repeat(2001));
    assertThat(fields(longReason)).containsExactly("reason");
    assertThat(list()).hasSize(distributors);
    assertThat(get("/api/v1/distributors/" + id).getBody()).isEqualTo(before);
    assertThat(changes(id)).containsExactly("IMPORTED by demo-admin");
  }

  @Test
  @DisplayName("R25 only a current member of the security team vouches for an imported distributor")
  void voucherIsAMember() {
    Map<String, Object> vouchedByManager = entry(unique("Distro Vouched"), "a@vouched.example");
    vouchedByManager.put("vouchedBy", "demo-manager");
    assertBadImport(List.of(entry(unique("Distro Fine"), "a@fine.example"), vouchedByManager),
        "distributors[1].vouchedBy");
    vouchedByManager.put("vouchedBy", "nobody-at-all");
    assertBadImport(List.of(vouchedByManager), "distributors[0].vouchedBy");
  }

  @Test
  @DisplayName("a bad import is a 400 problem naming each bad field of each entry, and imports none of it")
  void badImport() {
    Map<String, Object> badContact = entry(unique("Distro Bad"), "ok@bad.example", "not-an-address");
    Map<String, Object> unvouched = entry(unique("Distro Unvouched"), "a@unvouched.example");
    unvouched.remove("vouchedBy");
    unvouched.put("embargoPolicyAcceptedAt", null);
    assertBadImport(List.of(entry(unique("Distro Good"), "a@good.example"), badContact, unvouched),
        "distributors[1].contacts[1]", "distributors[2].embargoPolicyAcceptedAt", "distributors[2].vouchedBy");
    String twice = unique("Distro Twice");
    assertBadImport(List.of(entry(twice, "a@twice.example"), entry(twice.toUpperCase(), "b@twice.example")),
        "distributors[1].organisation");
    assertBadImport(List.of(), "distributors");
    assertBadImport(null, "distributors");
    assertBadImport(Collections.singletonList(null), "distributors[0]");
    Map<String, Object> active = entry(unique("Distro Active"), "a@active.example");
    active.put("active", true);
    assertBadImport(List.of(active), "distributors[0].active");
    List<Map<String, Object>> tooMany = IntStream.rangeClosed(0, DistributorImport.MAX_DISTRIBUTORS)
        .mapToObj(i -> entry("D" + i, "a@d" + i + ".e")).toList();
    assertBadImport(tooMany, "distributors");
  }

  @Test
  @DisplayName("an import over the API's 64 KiB is refused before it is read: 413, nothing imported")
  void importTooLarge() {
    int before = registry.all().size();
    List<Map<String, Object>> entries = IntStream.range(0, 300)
        .mapToObj(i -> entry(unique("Distro Large " + "x".repeat(150)), "security@large" + i + ".example"))
        .toList();
    ResponseEntity<Map> refused = http.withBasicAuth("demo-admin", "demo-admin").exchange(
        "/api/v1/distributors/imports", HttpMethod.POST, json(Map.of("distributors", entries)), Map.class);
    assertProblem(refused, HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(registry.all()).hasSize(before);
  }

  @Test
  @DisplayName("R25 an import naming an organisation on record or under application imports none of it: 409 naming each entry")
  void importAllOrNothing() {
    String onRecord = unique("Distro On Record");
    imported(onRecord, "secret-contact@on-record.example");
    String applying = unique("Distro Applying");
    ResponseEntity<Map> applied = http.postForEntity("/api/v1/distributor-applications",
        json(DistributorApplicationIT.application(applying, "applying.example")), Map.class);
    assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    int before = registry.all().size();
    int logged = changeRows();
    String fresh = unique("Distro Fresh");

    ResponseEntity<Map> refused = importAs("demo-admin", entry(fresh, "a@fresh.example"),
        entry(onRecord.toUpperCase(), "b@fresh.example"), entry(applying, "c@fresh.example"));

    assertProblem(refused, HttpStatus.CONFLICT);
    assertThat((String) refused.getBody().get("detail"))
        .contains("Nothing was imported", "distributors[1].organisation", "distributors[2].organisation")
        .doesNotContain("distributors[0]", "secret-contact");
    assertThat(registry.all()).hasSize(before).noneMatch(d -> d.organisation().equals(fresh));
    assertThat(changeRows()).isEqualTo(logged);
  }

  @ParameterizedTest(name = "R25 only camunda-admin imports: {0} -> 403, nothing imported")
  @CsvSource({"demo-security", "demo-associate", "demo-maintainer", "demo-release", "demo-manager"})
  void importIsTheAdminsAlone(String user) {
    int before = registry.all().size();
    String organisation = unique("Distro Smuggled");
    assertThat(importAs(user, entry(organisation, "a@smuggled.example")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(registry.all()).hasSize(before).noneMatch(d -> d.organisation().equals(organisation));
  }

  @Test
  @DisplayName("R27 camunda-admin imports, and still reads nothing of the list, what it imported included")
  void adminReadsNothing() {
    long id = imported(unique("Distro Imported"), "a@imported.example");
    TestRestTemplate admin = http.withBasicAuth("demo-admin", "demo-admin");
    for (String path : List.of("/api/v1/distributors", "/api/v1/distributors/" + id,
        "/api/v1/distributors/" + id + "/changes", "/api/v1/distributors/" + id + "/leaks")) {
      assertThat(admin.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(admin.exchange("/api/v1/distributors/" + id, HttpMethod.PUT,
        json(distributor("Renamed by admin", false, "a@imported.example")), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
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
    long first = imported(organisation, "a@twice.example");
    assertProblem(importAs("demo-admin", entry("  " + organisation.toLowerCase() + " ", "b@twice.example")),
        HttpStatus.CONFLICT);

    long second = imported(unique("Distro Other"), "c@other.example");
    assertProblem(send(HttpMethod.PUT, "/api/v1/distributors/" + second,
        distributor(organisation.toUpperCase(), true, "c@other.example")), HttpStatus.CONFLICT);
    assertThat(send(HttpMethod.PUT, "/api/v1/distributors/" + first,
        distributor(organisation.toUpperCase(), true, "a@twice.example")).getStatusCode())
        .as("a distributor may change the case of its own name").isEqualTo(HttpStatus.OK);
  }

  @ParameterizedTest(name = "the distributors list needs a login: {0} {1} -> 401")
  @CsvSource({"GET, /api/v1/distributors", "GET, /api/v1/distributors/1", "POST, /api/v1/distributors",
      "PUT, /api/v1/distributors/1", "DELETE, /api/v1/distributors/1", "POST, /api/v1/distributors/imports"})
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

  /** Imported by demo-admin, as accepted at {@link #ACCEPTED} and vouched for by demo-security; its id. */
  private long imported(String organisation, String... contacts) {
    assertThat(importAs("demo-admin", entry(organisation, contacts)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return id(organisation);
  }

  @SafeVarargs
  private ResponseEntity<Map> importAs(String user, Map<String, Object>... entries) {
    return http.withBasicAuth(user, user).exchange("/api/v1/distributors/imports", HttpMethod.POST,
        json(Map.of("distributors", List.of(entries))), Map.class);
  }

  private static Map<String, Object> entry(String organisation, String... contacts) {
    Map<String, Object> entry = distributor(organisation, true, contacts);
    entry.remove("active");
    return entry;
  }

  private long id(String organisation) {
    return registry.all().stream().filter(d -> d.organisation().equals(organisation.strip())).findFirst()
        .orElseThrow().id();
  }

  private int changeRows() {
    return jdbc.sql("select count(*) from distributor_change").query(Integer.class).single();
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

  private void assertBadFields(long id, Map<String, Object> body, String... fields) {
    ResponseEntity<Map> response = send(HttpMethod.PUT, "/api/v1/distributors/" + id, body);
    assertThat(fields(response)).containsExactlyInAnyOrder(fields);
  }

  /** 400 naming the fields, and nothing imported nor logged. */
  private void assertBadImport(Object distributors, String... fields) {
    int before = registry.all().size();
    int logged = changeRows();
    ResponseEntity<Map> response = http.withBasicAuth("demo-admin", "demo-admin").exchange(
        "/api/v1/distributors/imports", HttpMethod.POST, json(Collections.singletonMap("distributors", distributors)),
        Map.class);
    assertThat(fields(response)).as(String.valueOf(response.getBody())).containsExactlyInAnyOrder(fields);
    assertThat(registry.all()).hasSize(before);
    assertThat(changeRows()).isEqualTo(logged);
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

  private static HttpEntity<Map<String, ?>> json(Map<String, ?> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
