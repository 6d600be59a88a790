package io.github.securityrelease.disclosure;

import static io.github.securityrelease.TestCases.assertCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestDistributors;
import io.github.securityrelease.TestOpenPgpKeys;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.distributors.DistributorKeys;
import io.github.securityrelease.distributors.OpenPgpKey;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** R14, R16: when the disclosure is planned, the team hears of distributors whose every key expires before it. */
@OrchestratorIntegrationTest
class DistributorKeyExpiryIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired DistributorKeys keys;

  /** The distributor whose keys run out: none of its keys stays for the plans of the ITs after this one. */
  private Long lapsingId;

  @AfterEach
  void keysRemoved() {
    if (lapsingId != null) {
      keys.replace(lapsingId, List.of());
    }
  }

  @Test
  @DisplayName("R14 R16 a distributor whose every key expires before the planned disclosure is flagged to the team when the plan is made; one with a key valid then is not")
  void flaggedWhenPlanned() {
    Instant disclosure = Instant.now().plus(Duration.ofDays(21)).truncatedTo(ChronoUnit.MINUTES);
    String lapsing = "Distro Lapsing " + System.nanoTime();
    String covered = "Distro Covered " + System.nanoTime();
    String keyless = "Distro Keyless " + System.nanoTime();
    // the key's own expiry is read from the key when registered (OpenPgpKeysTest); here it is set
    // to fall between the plan and the disclosure
    lapsingId = TestDistributors.imported(http, lapsing, "security@lapsing.example");
    keys.replace(lapsingId, List.of(expiring(TestOpenPgpKeys.key("ed25519"), disclosure.minus(Duration.ofDays(3)))));
    keys.replace(TestDistributors.imported(http, covered, "security@covered.example"),
        List.of(expiring(TestOpenPgpKeys.key("nistp256"), disclosure.minus(Duration.ofDays(3))),
            TestOpenPgpKeys.key("rsa4096")));
    TestDistributors.imported(http, keyless, "security@keyless.example");
    String caseId = cases.readyToPlan(http, "Keys that run out");

    assertCompleted(plan(caseId, disclosure));

    List<MimeMessage> alerts = Arrays.stream(smtp.getReceivedMessages())
        .filter(mail -> TestSmtp.subject(mail).equals("[" + caseId + "] A distributor's OpenPGP keys expire before the"
            + " public disclosure"))
        .toList();
    assertThat(alerts).isNotEmpty();
    String body = GreenMailUtil.getBody(alerts.get(0));
    assertThat(body).contains(lapsing, "99BDB58D2D654B1104DF12AF93AA6BA4F36D2307", "Ask each for a new key")
        .doesNotContain(covered, keyless);
    assertThat(ledger(caseId)).filteredOn(row -> "DISTRIBUTOR_KEY_EXPIRY_ALERT".equals(row.get("kind")))
        .as("one alert, to the team").hasSize(1);
  }

  private static OpenPgpKey expiring(OpenPgpKey key, Instant at) {
    return new OpenPgpKey(key.fingerprint(), key.algorithm(), key.bits(), key.createdAt(), at, key.userIds(),
        key.armoured());
  }

  private ResponseEntity<String> plan(String caseId, Instant disclosure) {
    String at = OffsetDateTime.ofInstant(disclosure, ZoneOffset.ofHours(1)).toString();
    Map<String, Object> values = new HashMap<>(Map.of("publicDisclosureAt", at, "releaseAt", at,
        "publicMessaging", "A fix ships", "distributorContent", "PR https://github.com/example/private/pull/2",
        "releaseBranches", Map.of("value", "[\"release-0.6\"]", "type", "Json")));
    return cases.submit(http, "demo-security", caseId, "Task_PlanDisclosure", values);
  }

  private List<Map<String, Object>> ledger(String caseId) {
    return http.withBasicAuth("demo-security", "demo-security").exchange("/api/v1/cases/" + caseId + "/notifications",
        HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
  }
}
