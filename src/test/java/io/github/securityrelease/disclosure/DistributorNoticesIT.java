package io.github.securityrelease.disclosure;

import static io.github.securityrelease.TestCases.assertCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestDistributors;
import io.github.securityrelease.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/**
 * The notices when their jobs run: late, or with nobody on the list. The engine clock is moved
 * past the timer and the job executed.
 */
@OrchestratorIntegrationTest
class DistributorNoticesIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  @Test
  @DisplayName("R14 R16 planned with seconds, the notices are due 7 days and 24 hours before, and the margin besides")
  void noticesKeepTheMinimumWithTheMargin() {
    TestDistributors.imported(http, "Distro Margin " + System.nanoTime(), "security@distro-margin.example");
    String caseId = cases.readyToPlan(http, "Notices with a margin");
    Instant disclosure = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.SECONDS).plusSeconds(37);
    assertCompleted(plan(caseId, disclosure, Map.of()));
    Instant advanceNoticeAt = ((Date) variable(caseId, "advanceNoticeAt")).toInstant();
    Instant releaseNoticeAt = ((Date) variable(caseId, "releaseNoticeAt")).toInstant();
    assertThat(OffsetDateTime.parse((String) variable(caseId, "publicDisclosureAt")).toInstant())
        .as("kept to the second").isEqualTo(disclosure);
    assertThat(Duration.between(advanceNoticeAt, disclosure)).isEqualTo(Duration.ofDays(7).plusHours(1));
    assertThat(Duration.between(releaseNoticeAt, disclosure)).isEqualTo(Duration.ofHours(25));

    // the job runs 59 minutes late: still 7 full days
    moveTo(advanceNoticeAt.plus(Duration.ofMinutes(59)), caseId);
    MimeMessage advance = single(mailsTo("distro-margin.example"));
    assertThat(GreenMailUtil.getBody(advance)).contains("7 days 0 hours 1 minutes before the public disclosure")
        .doesNotContain("shorter than");
    assertThat(variable(caseId, "advanceNoticeLeadTime")).isEqualTo("7 days 0 hours 1 minutes");
    assertThat(variable(caseId, "advanceNoticeMinimumMissed")).isEqualTo(false);
    assertThat(variable(caseId, "advanceNoticeSentAt")).isNotNull();
  }

  @Test
  @DisplayName("R14 a notice whose job runs past the minimum states its true lead time, and the record and the team say the minimum was missed")
  void lateNoticeSaysSo() {
    TestDistributors.imported(http, "Distro Late " + System.nanoTime(), "security@distro-late.example");
    String caseId = cases.readyToPlan(http, "A late notice");
    Instant disclosure = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);
    assertCompleted(plan(caseId, disclosure, Map.of()));

    // the service was down: the job runs 5 minutes after T-7d
    moveTo(disclosure.minus(Duration.ofDays(7)).plus(Duration.ofMinutes(5)), caseId);
    String body = GreenMailUtil.getBody(single(mailsTo("distro-late.example")));
    assertThat(body).contains("6 days 23 hours 55 minutes before the public disclosure",
        "shorter than the 7 days of the list's policy").doesNotContain("7 days 0 hours");
    assertThat(variable(caseId, "advanceNoticeLeadTime")).isEqualTo("6 days 23 hours 55 minutes");
    assertThat(variable(caseId, "advanceNoticeMinimumMissed")).isEqualTo(true);
    assertThat(ledger(caseId)).filteredOn(row -> "DISTRIBUTOR_NOTICE_ALERT".equals(row.get("kind")))
        .as("the team is alerted").isNotEmpty()
        .allSatisfy(row -> assertThat((String) row.get("subject")).contains("missed the policy's minimum"));
  }

  @Test
  @DisplayName("R14 R16 a short embargo's advance notice does not promise a release notice 24 hours before the release")
  void shortEmbargoTextsStayTrue() {
    TestDistributors.imported(http, "Distro Short " + System.nanoTime(), "security@distro-short.example");
    String caseId = cases.readyToPlan(http, "A short embargo");
    Instant disclosure = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.MINUTES);
    assertCompleted(plan(caseId, disclosure, Map.of("shortEmbargoReason", "Exploited in the wild")));
    moveTo(Instant.now().plusSeconds(60), caseId);
    List<MimeMessage> mails = mailsTo("distro-short.example");
    assertThat(mails).hasSize(2);
    String advance = GreenMailUtil.getBody(mails.get(0));
    assertThat(advance).doesNotContain("You will hear from us again", "24 hours before the release")
        .contains("public messaging follows in a", "shorter than the 7 days of the list's policy: Exploited in the wild");
    assertThat(GreenMailUtil.getBody(mails.get(1))).contains("before the release",
        "shorter than the 24 hours of the list's policy: Exploited in the wild");
    assertThat(variable(caseId, "advanceNoticeMinimumMissed")).isEqualTo(true);
    assertThat(ledger(caseId)).as("a planned short embargo is no surprise to the team")
        .noneMatch(row -> "DISTRIBUTOR_NOTICE_ALERT".equals(row.get("kind")));
  }

  @Test
  @DisplayName("R14 with no active distributor the team is alerted and the case's record says nobody was told")
  void nobodyToTell() {
    String caseId = cases.readyToPlan(http, "Nobody on the list");
    Instant disclosure = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);
    assertCompleted(plan(caseId, disclosure, Map.of()));
    // the other ITs import the distributors they need, each time
    removeEveryDistributor();
    moveTo(((Date) variable(caseId, "advanceNoticeAt")).toInstant().plusSeconds(60), caseId);
    assertThat(variable(caseId, "advanceNoticeNobodyTold")).isEqualTo(true);
    assertThat(variable(caseId, "advanceNoticeSentAt")).as("not recorded as sent").isNull();
    assertThat(ledger(caseId)).filteredOn(row -> "DISTRIBUTOR_NOTICE_ALERT".equals(row.get("kind")))
        .isNotEmpty().allSatisfy(row -> assertThat((String) row.get("subject")).contains("told nobody"));
    assertThat(ledger(caseId)).noneMatch(row -> "ADVANCE_NOTICE".equals(row.get("kind")));
  }

  private void removeEveryDistributor() {
    List<Map<String, Object>> list = http.withBasicAuth("demo-security", "demo-security").exchange(
        "/api/v1/distributors", HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {})
        .getBody();
    List<Map<String, Object>> active = list.stream().filter(d -> Boolean.TRUE.equals(d.get("active"))
        && d.get("removedAt") == null).toList();
    active.forEach(d -> http.withBasicAuth("demo-security", "demo-security")
        .delete("/api/v1/distributors/" + d.get("id") + "?reason=Test"));
  }

  private org.springframework.http.ResponseEntity<String> plan(String caseId, Instant disclosure,
      Map<String, Object> more) {
    String at = OffsetDateTime.ofInstant(disclosure, ZoneOffset.ofHours(1)).toString();
    Map<String, Object> values = new HashMap<>(Map.of("publicDisclosureAt", at, "releaseAt", at,
        "publicMessaging", "A fix ships today", "distributorContent", "PR https://github.com/example/private/pull/1",
        "releaseBranches", Map.of("value", "[\"release-0.6\"]", "type", "Json"), "advanceNoticeDays", 7));
    values.putAll(more);
    return cases.submit(http, "demo-security", caseId, "Task_PlanDisclosure", values);
  }

  private void moveTo(Instant instant, String caseId) {
    ClockUtil.setCurrentTime(Date.from(instant));
    cases.runDueJobs(caseId);
  }

  private Object variable(String caseId, String name) {
    return runtimeService.getVariable(cases.instance(caseId).getId(), name);
  }

  private List<Map<String, Object>> ledger(String caseId) {
    return http.withBasicAuth("demo-security", "demo-security").exchange("/api/v1/cases/" + caseId + "/notifications",
        HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
  }

  private List<MimeMessage> mailsTo(String domain) {
    return Arrays.asList(smtp.getReceivedMessagesForDomain(domain));
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }
}
