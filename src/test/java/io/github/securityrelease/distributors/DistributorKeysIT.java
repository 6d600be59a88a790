package io.github.securityrelease.distributors;

import static io.github.securityrelease.TestCases.assertCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestOpenPgpKeys;
import io.github.securityrelease.TestSmtp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** R14, R25: distributors register OpenPGP keys through the registry's API and their application. */
@OrchestratorIntegrationTest
class DistributorKeysIT {

  private static final String RSA = "69B9A5235ED5790A310E8829F68EC948A71E5DC8";
  private static final String ED25519 = "99BDB58D2D654B1104DF12AF93AA6BA4F36D2307";
  private static final String P256 = "D4548BC8F4E76A64A7FC00FE21EAB31AC3DD1209";
  private static final String ACCEPTED = "2026-01-15T10:00:00Z";

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired DistributorRegistry registry;
  @Autowired DistributorKeys keys;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName("R14 keys imported with a distributor: GET shows each key's fingerprint, algorithm, bits, expiry and user IDs, not the key; the change log keeps the fingerprints")
  void registered() {
    String organisation = unique("Distro Keys");
    ResponseEntity<Map> imported = importAs(entry(organisation, TestOpenPgpKeys.armoured("rsa4096"),
        TestOpenPgpKeys.armoured("ed25519")));
    assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.CREATED);
    long id = id(organisation);

    List<Map<String, Object>> shown = openpgpKeys(get(id));
    assertThat(shown).extracting(key -> key.get("fingerprint")).containsExactly(RSA, ED25519);
    assertThat(shown.get(0))
        .containsEntry("algorithm", "RSA")
        .containsEntry("bits", 4096)
        .containsEntry("expiresAt", null)
        .containsEntry("userIds", List.of("Distro One Security <security@distro-one.example>"))
        .containsKey("createdAt")
        .doesNotContainKey("armoured");
    assertThat(shown.get(1)).containsEntry("algorithm", "EdDSA Ed25519");
    assertThat(get(id).toString()).doesNotContain("BEGIN PGP");
    assertThat(keys.of(id)).extracting(OpenPgpKey::armoured)
        .containsExactly(TestOpenPgpKeys.armoured("rsa4096").strip(), TestOpenPgpKeys.armoured("ed25519").strip());
    assertThat(state(id, "IMPORTED")).contains(RSA, ED25519).doesNotContain("BEGIN PGP");
  }

  @Test
  @DisplayName("R14 PUT replaces the keys and logs the new fingerprints; without openpgpKeys the keys stay, an empty list removes them")
  void replaced() {
    String organisation = unique("Distro Rollover");
    long id = imported(organisation, TestOpenPgpKeys.armoured("rsa4096"));

    assertThat(put(id, organisation, List.of(TestOpenPgpKeys.armoured("nistp256"), TestOpenPgpKeys.armoured("ed25519")))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(fingerprints(id)).containsExactly(P256, ED25519);
    assertThat(state(id, "UPDATED")).contains(P256, ED25519).doesNotContain(RSA);

    assertThat(put(id, organisation, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(fingerprints(id)).as("no openpgpKeys: the keys stay").containsExactly(P256, ED25519);

    assertThat(put(id, organisation, List.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(fingerprints(id)).isEmpty();
    assertThat(keys.of(id)).isEmpty();
  }

  @Test
  @DisplayName("R14 an expired, revoked, sign-only, weak, secret, doubled or unreadable key: 400 naming openpgpKeys[i], nothing changed")
  void refused() throws Exception {
    String organisation = unique("Distro Careful");
    long id = imported(organisation, TestOpenPgpKeys.armoured("ed25519"));
    Map<String, Object> before = get(id);
    int logged = changeRows(id);
    String good = TestOpenPgpKeys.armoured("rsa4096");
    String secret = OpenPgpKeysTest.secretKeyBlock();

    assertRefused(id, organisation, List.of(good, TestOpenPgpKeys.armoured("expired")), "openpgpKeys[1]", "expired on 2020-12-31");
    assertRefused(id, organisation, List.of(TestOpenPgpKeys.armoured("revoked")), "openpgpKeys[0]", "is revoked");
    assertRefused(id, organisation, List.of(good, TestOpenPgpKeys.armoured("sign-only")), "openpgpKeys[1]",
        "has no key usable for encryption");
    assertRefused(id, organisation, List.of(TestOpenPgpKeys.armoured("rsa2048")), "openpgpKeys[0]", "is too weak");
    assertRefused(id, organisation, List.of(good, secret), "openpgpKeys[1]", "is a secret (private) key");
    assertRefused(id, organisation, List.of(TestOpenPgpKeys.armoured("two-keys")), "openpgpKeys[0]", "holds several keys");
    assertRefused(id, organisation, List.of(good, good), "openpgpKeys[1]", "is the same key as openpgpKeys[0]");
    assertRefused(id, organisation, List.of("hello"), "openpgpKeys[0]", "is not an ASCII-armoured OpenPGP public key");

    assertThat(get(id)).isEqualTo(before);
    assertThat(changeRows(id)).isEqualTo(logged);
    assertThat(fingerprints(id)).containsExactly(ED25519);
    assertThat(jdbc.sql("select count(*) from distributor_openpgp_key where armoured like '%PRIVATE KEY%'")
        .query(Integer.class).single()).as("a secret key is never stored").isZero();
  }

  @Test
  @DisplayName("R14 R25 an import with a refused key imports nobody: 400 naming distributors[i].openpgpKeys[j]")
  void importRefused() {
    String one = unique("Distro Fine");
    String two = unique("Distro Expired");
    int distributors = registry.all().size();

    ResponseEntity<Map> refused = importAs(entry(one, TestOpenPgpKeys.armoured("ed25519")),
        entry(two, TestOpenPgpKeys.armoured("rsa4096"), TestOpenPgpKeys.armoured("expired")));

    assertThat(fields(refused)).containsExactly("distributors[1].openpgpKeys[1]");
    assertThat(registry.all()).hasSize(distributors);
  }

  @Test
  @DisplayName("R25 R14 the applicant's keys are checked when it applies and carried to the list when it is added")
  void application() {
    String domain = "keys" + System.nanoTime() + ".example";
    String organisation = unique("Distro Applying");
    Map<String, Object> application = new HashMap<>(DistributorApplicationIT.application(organisation, domain));

    application.put("openpgpKeys", List.of(TestOpenPgpKeys.armoured("ed25519"), TestOpenPgpKeys.armoured("rsa2048")));
    assertThat(fields(apply(application))).containsExactly("openpgpKeys[1]");

    application.put("openpgpKeys", List.of(TestOpenPgpKeys.armoured("ed25519"), TestOpenPgpKeys.armoured("nistp256")));
    ResponseEntity<Map> applied = apply(application);
    assertThat(applied.getStatusCode()).as(String.valueOf(applied.getBody())).isEqualTo(HttpStatus.ACCEPTED);
    String applicationId = (String) applied.getBody().get("applicationId");
    cases.runDueJobs(applicationId);
    Map<String, Object> review = new HashMap<>();
    for (Criterion criterion : Criterion.values()) {
      review.put(criterion.met(), true);
    }
    review.put("reviewOutcome", "ACCEPTED");
    assertCompleted(cases.submit(http, "demo-security", applicationId, "Task_ReviewApplication", review));
    assertCompleted(cases.submit(http, "demo-security", applicationId, "Task_ConfirmVouching",
        Map.of("vouchingOutcome", "CONFIRMED")));
    cases.runDueJobs(applicationId);

    long id = id(organisation);
    assertThat(fingerprints(id)).containsExactly(ED25519, P256);
    assertThat(state(id, "CREATED")).contains(ED25519, P256);
  }

  @Test
  @DisplayName("R27 nobody outside the security team sees a distributor's keys: 403 for a manager and a maintainer")
  void needToKnow() {
    String organisation = unique("Distro Private");
    long id = imported(organisation, TestOpenPgpKeys.armoured("ed25519"));
    for (String user : List.of("demo-manager", "demo-maintainer")) {
      ResponseEntity<String> answer = http.withBasicAuth(user, user).getForEntity("/api/v1/distributors/" + id,
          String.class);
      assertThat(answer.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(answer.getBody()).as(user).doesNotContain(ED25519);
      assertThat(http.withBasicAuth(user, user).getForEntity("/api/v1/distributors", String.class).getStatusCode())
          .as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  private void assertRefused(long id, String organisation, List<String> keys, String field, String reason) {
    ResponseEntity<Map> refused = put(id, organisation, keys);
    assertThat(fields(refused)).as(field).containsExactly(field);
    assertThat(refused.getBody().toString()).as("no key quoted").contains(reason).doesNotContain("PRIVATE KEY BLOCK", "END PGP");
  }

  private List<String> fingerprints(long id) {
    return openpgpKeys(get(id)).stream().map(key -> (String) key.get("fingerprint")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> openpgpKeys(Map<String, Object> distributor) {
    return (List<Map<String, Object>>) distributor.get("openpgpKeys");
  }

  private String state(long id, String action) {
    return jdbc.sql("select state from distributor_change where distributor_id = :id and action = :action"
            + " order by id desc")
        .param("id", id).param("action", action).query(String.class).list().get(0);
  }

  private int changeRows(long id) {
    return jdbc.sql("select count(*) from distributor_change where distributor_id = :id").param("id", id)
        .query(Integer.class).single();
  }

  private ResponseEntity<Map> put(long id, String organisation, List<String> openpgpKeys) {
    Map<String, Object> body = new HashMap<>();
    body.put("organisation", organisation);
    body.put("contacts", List.of("security@" + id + ".keys.example"));
    body.put("active", true);
    body.put("embargoPolicyAcceptedAt", ACCEPTED);
    body.put("vouchedBy", "demo-security");
    if (openpgpKeys != null) {
      body.put("openpgpKeys", openpgpKeys);
    }
    return http.withBasicAuth("demo-security", "demo-security").exchange("/api/v1/distributors/" + id,
        HttpMethod.PUT, json(body), Map.class);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> get(long id) {
    ResponseEntity<Map> answer = http.withBasicAuth("demo-security", "demo-security")
        .getForEntity("/api/v1/distributors/" + id, Map.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  @SafeVarargs
  private ResponseEntity<Map> importAs(Map<String, Object>... entries) {
    return http.withBasicAuth("demo-admin", "demo-admin").exchange("/api/v1/distributors/imports", HttpMethod.POST,
        json(Map.of("distributors", List.of(entries))), Map.class);
  }

  /** Imported by demo-admin with {@code openpgpKeys}; its id. */
  private long imported(String organisation, String... openpgpKeys) {
    ResponseEntity<Map> imported = importAs(entry(organisation, openpgpKeys));
    assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.CREATED);
    return id(organisation);
  }

  private ResponseEntity<Map> apply(Map<String, Object> application) {
    return http.postForEntity("/api/v1/distributor-applications", json(application), Map.class);
  }

  private static Map<String, Object> entry(String organisation, String... openpgpKeys) {
    Map<String, Object> entry = new HashMap<>();
    entry.put("organisation", organisation);
    entry.put("contacts", List.of("security@" + UUID.randomUUID() + ".keys.example"));
    entry.put("embargoPolicyAcceptedAt", ACCEPTED);
    entry.put("vouchedBy", "demo-security");
    entry.put("openpgpKeys", List.of(openpgpKeys));
    return entry;
  }

  private long id(String organisation) {
    return registry.all().stream().filter(d -> d.organisation().equals(organisation)).findFirst().orElseThrow().id();
  }

  private static String unique(String organisation) {
    return organisation + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  @SuppressWarnings("unchecked")
  private static List<String> fields(ResponseEntity<Map> response) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
    return errors.stream().map(error -> error.get("field")).distinct().toList();
  }

  private static HttpEntity<Map<String, ?>> json(Map<String, ?> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
