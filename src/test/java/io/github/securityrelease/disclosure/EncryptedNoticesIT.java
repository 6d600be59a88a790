package io.github.securityrelease.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestDistributors;
import io.github.securityrelease.TestDatabase;
import io.github.securityrelease.TestGpg;
import io.github.securityrelease.TestLogs;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.distributors.DistributorAcknowledgements;
import io.github.securityrelease.distributors.TestAcknowledgements;
import io.github.securityrelease.web.PublicUrl;
import io.github.securityrelease.web.SameOrigin;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationContext;
import io.github.securityrelease.distributors.DistributorKeys;
import io.github.securityrelease.distributors.OpenPgpKey;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 21's walk of a case (R14, R16, R27, R29): the service signs with a key GnuPG made, given
 * as configuration; one distributor has a key GnuPG made, the other none, and
 * {@code require-encryption} is on. The one key decrypts the notice to its full text with the
 * distributor's link in it, GnuPG verifies the service's signature with the key the service
 * publishes, another key opens nothing; the distributor acknowledges on its page and reports
 * AFFECTED, then FIXED with its test result. The other distributor gets only the notice that
 * content waits for its key (with its link) while the team is alerted, says nothing and is
 * reminded once after acknowledgement-due, the team alerted again. The team's table shows both;
 * a manager gets 403. One context of its own (the one of this area): the service's key is
 * configuration.
 */
@OrchestratorIntegrationTest
@TestPropertySource(properties = "security-release.distributors.require-encryption=true")
@Tag(OrchestratorIntegrationTest.OWN_JVM)
@DirtiesContext // closed after the class: the next IT of OwnContextsOnH2 starts its own
@EnabledIf(value = "runs", disabledReason = "gpg is not installed, or the ITs run on PostgreSQL: mail does not depend on it")
class EncryptedNoticesIT {

  /** The service's key, made by GnuPG when first needed: after the class is found to run (gpg present). */
  private static final class ServiceKeyPair {
    static final String PASSPHRASE = "it-" + System.nanoTime() + "-passphrase";
    static final TestGpg TEAM = TestGpg.keyring();
    static final String FINGERPRINT = TEAM.generate("Security team <security@kurator.example>", PASSPHRASE);
    static final String SECRET = TEAM.exportSecret(FINGERPRINT, PASSPHRASE);
  }

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @RegisterExtension
  final TestLogs logs = new TestLogs("io.github.securityrelease", "org.bouncycastle", "org.springframework.mail");

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired DistributorKeys keys;
  @Autowired RuntimeService runtimeService;
  @Autowired PublicUrl publicUrl;
  @Autowired ApplicationContext context;

  static boolean runs() {
    return TestGpg.available() && TestDatabase.onH2Alone();
  }

  @DynamicPropertySource
  static void serviceKey(DynamicPropertyRegistry registry) {
    registry.add("security-release.distributors.signing-key", () -> ServiceKeyPair.SECRET);
    registry.add("security-release.distributors.signing-key-passphrase", () -> ServiceKeyPair.PASSPHRASE);
  }

  @AfterAll
  static void stopGpg() {
    ServiceKeyPair.TEAM.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("R14 R16 R27 R29 GnuPG decrypts the advance notice to its full text with its link and verifies the service's signature, another key cannot; the distributor acknowledges on its page, reports AFFECTED then FIXED with its test result; the keyless one gets no content, only its link, is reminded once and the team alerted; the team's table shows both, managers 403")
  void issueWalk() throws Exception {
    try (TestGpg distro = TestGpg.keyring(); TestGpg stranger = TestGpg.keyring()) {
      String keyed = "keyed-" + System.nanoTime() + ".example";
      String keyedName = "Keyed Distro " + System.nanoTime();
      String keyless = "keyless-" + System.nanoTime() + ".example";
      String keylessName = "Keyless Distro " + System.nanoTime();
      long keyedId = TestDistributors.imported(http, keyedName, "security@" + keyed);
      TestDistributors.imported(http, keylessName, "psirt@" + keyless);
      String distroFingerprint = distro.generate("Distro <security@" + keyed + ">", "");
      keys.replace(keyedId, List.of(new OpenPgpKey(distroFingerprint, "EdDSA", 256, Instant.now(), null,
          List.of("Distro <security@" + keyed + ">"), distro.exportPublic(distroFingerprint))));
      stranger.generate("Eve <eve@example.net>", "");

      String caseId = cases.readyToPlan(http, "Token leak in controller logs");
      String cve = TestCases.cveId(caseId);
      Instant disclosure = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);
      TestCases.assertCompleted(cases.plan(http, caseId, disclosure, null));
      Instant advanceNoticeAt = ((Date) runtimeService.getVariable(cases.instance(caseId).getId(), "advanceNoticeAt"))
          .toInstant();
      cases.runDueJobsAt(advanceNoticeAt.plusSeconds(60), caseId);

      MimeMessage notice = single(smtp.getReceivedMessagesForDomain(keyed));
      assertThat(notice.getContentType()).startsWith("multipart/encrypted")
          .contains("protocol=\"application/pgp-encrypted\"");
      assertThat(TestSmtp.subject(notice)).as("R27 nothing embargoed in the clear header")
          .isEqualTo("[EMBARGOED] Encrypted notice " + caseId);
      MimeMultipart parts = (MimeMultipart) notice.getContent();
      assertThat(text(parts.getBodyPart(0))).contains("Version: 1");
      String armoured = text(parts.getBodyPart(1));
      assertThat(armoured).doesNotContain(cve, "Token leak");

      ResponseEntity<String> published = http.getForEntity("/distributors/openpgp-key.asc", String.class);
      assertThat(published.getStatusCode()).as("no login").isEqualTo(HttpStatus.OK);
      assertThat(published.getHeaders().getFirst("OpenPGP-Fingerprint")).isEqualTo(ServiceKeyPair.FINGERPRINT);
      distro.importKey(published.getBody());

      TestGpg.Run decrypted = distro.decrypt(armoured);
      assertThat(decrypted.exit()).as(decrypted.status()).isZero();
      assertThat(decrypted.status()).contains("[GNUPG:] GOODSIG", "[GNUPG:] VALIDSIG " + ServiceKeyPair.FINGERPRINT,
          "[GNUPG:] DECRYPTION_OKAY");
      MimeBodyPart inner = new MimeBodyPart(new ByteArrayInputStream(decrypted.output().getBytes(StandardCharsets.UTF_8)));
      assertThat(inner.getHeader("Subject", null)).isEqualTo("[EMBARGOED] " + cve + ": Token leak in controller logs");
      String clearText = (String) inner.getContent();
      assertThat(clearText).contains(cve, "HIGH", "CVSS:3.1/AV:N", "v0.5.0 - v0.6.0",
          "PR https://github.com/example/private/pull/1", describe(disclosure), "embargo",
          "Acknowledge this notice and tell us your status: " + publicUrl.publicUrl());
      String keyedPage = TestAcknowledgements.link(clearText);

      TestGpg.Run other = stranger.decrypt(armoured);
      assertThat(other.exit()).as("another key").isNotZero();
      assertThat(other.output()).doesNotContain(cve);
      assertThat(other.status()).contains("DECRYPTION_FAILED");

      MimeMessage waiting = single(smtp.getReceivedMessagesForDomain(keyless));
      assertThat(TestSmtp.subject(waiting)).isEqualTo("[" + caseId + "] A notice from the security team waits for your OpenPGP key");
      String waitingText = waiting.getContent().toString();
      assertThat(waitingText).as("R27 no embargoed content in clear")
          .contains("advance notice", caseId).doesNotContain(cve, "Token leak", "github.com/example/private");
      String keylessPage = TestAcknowledgements.link(waitingText);
      assertThat(keylessPage).isNotEqualTo(keyedPage);
      List<Map<String, Object>> alerts = ledger(caseId).stream()
          .filter(row -> "NOTICE_AWAITS_KEY_ALERT".equals(row.get("kind"))).toList();
      assertThat(alerts).as("one alert per notice, to the team").hasSize(1);
      assertThat((String) alerts.get(0).get("body")).contains(keylessName).doesNotContain("Keyed Distro");
      assertThat((List<?>) alerts.get(0).get("recipients")).noneMatch(r -> r.toString().contains(keyless));
      assertThat(ledger(caseId)).filteredOn(row -> "ADVANCE_NOTICE".equals(row.get("kind")))
          .as("the ledger keeps the team's record in clear").anyMatch(row -> ((String) row.get("body")).contains(cve));
      assertThat(ledger(caseId)).filteredOn(row -> List.of("ADVANCE_NOTICE", "NOTICE_AWAITS_KEY").contains(row.get("kind")))
          .as("R29 each link's token kept only as its hash").hasSize(2)
          .allSatisfy(row -> assertThat((String) row.get("body")).doesNotContain(keyedPage, keylessPage)
              .contains(DistributorAcknowledgements.OFF_RECORD));

      // R29 the keyed distributor acknowledges through its page's form, as a browser posts it
      ResponseEntity<String> page = http.getForEntity(keyedPage, String.class);
      assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(page.getBody()).contains(caseId, keyedName, "I have received it").doesNotContain(cve);
      Matcher action = Pattern.compile("<form id=\"received\" method=\"post\" action=\"([^\"]+)\"")
          .matcher(page.getBody());
      assertThat(action.find()).as(page.getBody()).isTrue();
      String origin = SameOrigin.originOf(publicUrl.publicUrl());
      assertThat(TestAcknowledgements.form(http, action.group(1), Map.of(), Map.of("Origin", "https://evil.example"))
          .getStatusCode()).as("a form from another site").isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(TestAcknowledgements.form(http, action.group(1), Map.of(), Map.of("Origin", origin)).getStatusCode())
          .isEqualTo(HttpStatus.SEE_OTHER);
      // then AFFECTED, then FIXED with its test result, as JSON to the same link
      assertThat(TestAcknowledgements.json(http, keyedPage, "{\"status\": \"AFFECTED\", \"note\": \"2.x only\"}")
          .getStatusCode()).isEqualTo(HttpStatus.CREATED);
      ResponseEntity<String> fixed = TestAcknowledgements.json(http, keyedPage, "{\"status\": \"FIXED\","
          + " \"note\": \"Shipped in 2.4-3\", \"feedback\": {\"reviewed\": true, \"tested\": true,"
          + " \"issuesFound\": \"Tested on 2.4-3: the proof of concept no longer reproduces\"}}");
      assertThat(fixed.getStatusCode()).as(fixed.getBody()).isEqualTo(HttpStatus.CREATED);

      // R29 the keyless distributor's link opens its page too; it says nothing and is reminded once
      assertThat(http.getForEntity(keylessPage, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
      ClockUtil.setCurrentTime(Date.from(advanceNoticeAt.plus(Duration.ofHours(47))));
      assertThat(TestAcknowledgements.remindDue(context)).as("not before acknowledgement-due").doesNotContainKey(caseId);
      ClockUtil.setCurrentTime(Date.from(advanceNoticeAt.plus(Duration.ofHours(49))));
      assertThat(TestAcknowledgements.remindDue(context).get(caseId)).contains(keylessName).doesNotContain(keyedName);
      assertThat(TestAcknowledgements.remindDue(context)).as("once").doesNotContainKey(caseId);
      MimeMessage[] keylessMails = smtp.getReceivedMessagesForDomain(keyless);
      assertThat(keylessMails).hasSize(2);
      String reminder = keylessMails[1].getContent().toString();
      assertThat(TestSmtp.subject(keylessMails[1])).isEqualTo("[" + caseId + "] Please acknowledge our advance notice");
      assertThat(reminder).contains("waits for your OpenPGP key", "only reminder")
          .doesNotContain(cve, "Token leak", "github.com/example/private");
      assertThat(TestAcknowledgements.link(reminder)).startsWith("/distributor/");
      assertThat(smtp.getReceivedMessagesForDomain(keyed)).as("the one that answered is not reminded").hasSize(1);
      assertThat(ledger(caseId)).filteredOn(row -> "DISTRIBUTOR_ACKNOWLEDGEMENT_OVERDUE_ALERT".equals(row.get("kind")))
          .singleElement().satisfies(row -> {
            assertThat((String) row.get("body")).contains(keylessName).doesNotContain(keyedName);
            assertThat((List<?>) row.get("recipients")).noneMatch(r -> r.toString().contains(keyless));
          });

      // the team's table: both rows
      Map<String, Object> answered = TestAcknowledgements.row(http, caseId, keyedName);
      assertThat(answered.get("acknowledgedAt")).isNotNull();
      assertThat(answered).containsEntry("status", "FIXED").containsEntry("note", "Shipped in 2.4-3")
          .containsEntry("remindedAt", null);
      assertThat((Map<String, Object>) answered.get("feedback")).containsEntry("reviewed", true)
          .containsEntry("tested", true)
          .containsEntry("issuesFound", "Tested on 2.4-3: the proof of concept no longer reproduces");
      assertThat((List<Map<String, Object>>) answered.get("history")).extracting(said -> said.get("status"))
          .as("received, AFFECTED, FIXED").containsExactly(null, "AFFECTED", "FIXED");
      assertThat((List<Map<String, Object>>) answered.get("notices")).extracting(sent -> sent.get("kind"))
          .containsExactly("ADVANCE_NOTICE");
      Map<String, Object> silent = TestAcknowledgements.row(http, caseId, keylessName);
      assertThat(silent.get("acknowledgedAt")).isNull();
      assertThat(silent.get("status")).isNull();
      assertThat(silent.get("remindedAt")).isNotNull();
      assertThat((List<Map<String, Object>>) silent.get("notices")).extracting(sent -> sent.get("kind"))
          .as("told of the case, the content withheld").containsExactly("NOTICE_AWAITS_KEY");
      assertThat(http.withBasicAuth("demo-manager", "demo-manager").getForEntity(
          "/api/v1/cases/" + caseId + "/distributors", String.class).getStatusCode()).as("R27")
          .isEqualTo(HttpStatus.FORBIDDEN);

      assertThat(logs.lines()).as("no secret in the log").isNotEmpty()
          .noneMatch(line -> line.contains(ServiceKeyPair.PASSPHRASE) || line.contains("PRIVATE KEY") || line.contains(secretLine()));
    }
  }

  /** A line from the middle of the secret key's armour, which no log may hold. */
  private static String secretLine() {
    List<String> lines = ServiceKeyPair.SECRET.lines().filter(line -> line.length() > 40).toList();
    return lines.get(lines.size() / 2);
  }

  private List<Map<String, Object>> ledger(String caseId) {
    return http.withBasicAuth("demo-security", "demo-security").exchange("/api/v1/cases/" + caseId + "/notifications",
        HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
  }

  private static String describe(Instant instant) {
    return new io.github.securityrelease.cases.BusinessCalendar(new io.github.securityrelease.cases.CalendarProperties(
        java.time.ZoneId.of("Europe/Berlin"), List.of())).describe(instant);
  }

  private static String text(BodyPart part) throws Exception {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  private static MimeMessage single(MimeMessage[] messages) {
    assertThat(messages).hasSize(1);
    return messages[0];
  }
}
