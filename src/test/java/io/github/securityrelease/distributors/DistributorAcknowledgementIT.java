package io.github.securityrelease.distributors;

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
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * R29 walked through a case: two distributors get the advance notice with their links; one
 * acknowledges on its page and reports its status and feedback, the other says nothing and is
 * reminded once, the team alerted; the team reads it all, managers nothing.
 */
@OrchestratorIntegrationTest
class DistributorAcknowledgementIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;
  @Autowired AcknowledgementReminders reminders;

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("R29 R27 one distributor acknowledges by its page's form, then reports AFFECTED and FIXED with feedback as JSON; the silent one is reminded once after 48 hours and the team alerted; the team's table shows it, managers get 403")
  void acknowledgementsWalkedThroughACase() throws Exception {
    long run = System.nanoTime();
    String answering = "Distro Answers " + run;
    String silent = "Distro Silent " + run;
    long answeringId = TestDistributors.imported(http, answering, "security@ack-answers-" + run + ".example");
    TestDistributors.imported(http, silent, "security@ack-silent-" + run + ".example");
    String caseId = cases.readyToPlan(http, "Acknowledged notices");
    Instant disclosure = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);
    assertCompleted(plan(caseId, disclosure));
    Instant advanceAt = ((Date) runtimeService.getVariable(cases.instance(caseId).getId(), "advanceNoticeAt"))
        .toInstant().plusSeconds(60);
    ClockUtil.setCurrentTime(Date.from(advanceAt));
    cases.runDueJobs(caseId);

    String answeringPage = link(single("ack-answers-" + run + ".example"));
    String silentPage = link(single("ack-silent-" + run + ".example"));
    assertThat(answeringPage).isNotEqualTo(silentPage);
    assertThat(ledger(caseId)).filteredOn(row -> "ADVANCE_NOTICE".equals(row.get("kind"))).isNotEmpty()
        .allSatisfy(row -> assertThat((String) row.get("body")).as("the token is kept nowhere but as a hash")
            .doesNotContain(answeringPage, silentPage).contains(DistributorAcknowledgements.OFF_RECORD));

    // the page, opened, records nothing (a mail scanner must not acknowledge for the distributor)
    ResponseEntity<String> page = http.getForEntity(answeringPage, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(page.getBody()).contains(caseId, answering, "I have received it");
    assertThat(row(caseId, answering).get("acknowledgedAt")).isNull();

    // a form from another site is refused; the page's own form is taken
    assertThat(form(answeringPage, Map.of(), Map.of("Sec-Fetch-Site", "cross-site")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(form(answeringPage, Map.of(), Map.of("Sec-Fetch-Site", "same-origin")).getStatusCode())
        .isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(form(answeringPage, Map.of("status", "UNDER_INVESTIGATION", "note", "Looking"),
        Map.of("Sec-Fetch-Site", "same-origin")).getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(json(answeringPage, "{\"status\": \"AFFECTED\", \"note\": \"2.x only\"}").getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    ResponseEntity<String> fixed = json(answeringPage, "{\"status\": \"FIXED\", \"note\": \"Shipped in 2.4-3\","
        + " \"feedback\": {\"reviewed\": true, \"tested\": true, \"issuesFound\": \"None: the test suite passes\"}}");
    assertThat(fixed.getStatusCode()).as(fixed.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(fixed.getBody()).contains("\"status\":\"FIXED\"", "\"source\":\"API\"");

    // 400 naming the field; 404 for a token that opens nothing
    assertThat(json(answeringPage, "{\"status\": \"BROKEN\"}").getBody()).contains("status");
    assertThat(json(answeringPage, "{\"status\": \"BROKEN\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> tooLong = json(answeringPage, "{\"status\": \"FIXED\", \"note\": \"" + "x".repeat(4001) + "\"}");
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLong.getBody()).contains("note");
    assertThat(json(answeringPage, "{\"feedback\": {\"tested\": \"yes\"}}").getBody()).contains("feedback.tested");
    String unknown = "/distributor/" + "A".repeat(43);
    assertThat(http.getForEntity(unknown, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json(unknown, "{}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.getForEntity("/distributor/short", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // 48 hours on: the silent one is reminded, once, and the team alerted; the other is not reminded
    ClockUtil.setCurrentTime(Date.from(advanceAt.plus(Duration.ofHours(47))));
    assertThat(reminders.remindDue()).doesNotContainKey(caseId);
    ClockUtil.setCurrentTime(Date.from(advanceAt.plus(Duration.ofHours(49))));
    // other ITs' distributors on the shared list may be told of the case and reminded too
    assertThat(reminders.remindDue().get(caseId)).contains(silent).doesNotContain(answering);
    assertThat(reminders.remindDue()).as("once").doesNotContainKey(caseId);
    List<MimeMessage> silentMails = List.of(smtp.getReceivedMessagesForDomain("ack-silent-" + run + ".example"));
    assertThat(silentMails).hasSize(2);
    assertThat(link(silentMails.get(1))).as("a link to the same page").startsWith("/distributor/");
    assertThat(GreenMailUtil.getBody(silentMails.get(1))).as("no embargoed detail").contains("only reminder")
        .doesNotContain("Patches, reproduction", "PR https://github.com/example/private/pull/1");
    assertThat(smtp.getReceivedMessagesForDomain("ack-answers-" + run + ".example")).hasSize(1);
    assertThat(ledger(caseId)).filteredOn(row -> "DISTRIBUTOR_ACKNOWLEDGEMENT_OVERDUE_ALERT".equals(row.get("kind")))
        .singleElement().satisfies(row -> assertThat((String) row.get("body")).contains(silent)
            .doesNotContain(answering));

    // the team's table
    Map<String, Object> answered = row(caseId, answering);
    assertThat(answered.get("acknowledgedAt")).isNotNull();
    assertThat(answered).containsEntry("status", "FIXED").containsEntry("note", "Shipped in 2.4-3")
        .containsEntry("remindedAt", null);
    assertThat((Map<String, Object>) answered.get("feedback")).containsEntry("reviewed", true)
        .containsEntry("tested", true).containsEntry("issuesFound", "None: the test suite passes");
    assertThat((List<?>) answered.get("history")).as("every change kept").hasSize(4);
    assertThat((List<Map<String, Object>>) answered.get("notices")).extracting(notice -> notice.get("kind"))
        .containsExactly("ADVANCE_NOTICE");
    Map<String, Object> reminded = row(caseId, silent);
    assertThat(reminded.get("acknowledgedAt")).isNull();
    assertThat(reminded.get("remindedAt")).isNotNull();

    // managers see no distributor names (R27)
    assertThat(http.withBasicAuth("demo-manager", "demo-manager").getForEntity(
        "/api/v1/cases/" + caseId + "/distributors", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("demo-manager", "demo-manager").getForEntity(
        "/api/v1/distributors/" + answeringId + "/record", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    // the distributor's own record across cases (criterion 7)
    Map<String, Object> record = http.withBasicAuth("demo-security", "demo-security").getForObject(
        "/api/v1/distributors/" + answeringId + "/record", Map.class);
    assertThat(record).containsEntry("casesTold", 1).containsEntry("casesAcknowledged", 1)
        .containsEntry("casesWithFeedback", 1).containsEntry("leaks", 0);

    // the short form: the feedback in words
    ResponseEntity<String> inWords = json(answeringPage, "{\"status\": \"FIXED\", \"note\": \"2.4-4 too\","
        + " \"feedback\": \"Reviewed; our CI passes with the patch\"}");
    assertThat(inWords.getStatusCode()).as(inWords.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat((Map<String, Object>) row(caseId, answering).get("feedback"))
        .containsEntry("issuesFound", "Reviewed; our CI passes with the patch");
    assertThat(json(answeringPage, "{\"feedback\": 3}").getBody()).contains("feedback");
  }

  private ResponseEntity<String> plan(String caseId, Instant disclosure) {
    String at = OffsetDateTime.ofInstant(disclosure, ZoneOffset.ofHours(1)).toString();
    Map<String, Object> values = new HashMap<>(Map.of("publicDisclosureAt", at, "releaseAt", at,
        "publicMessaging", "A fix ships today", "distributorContent", "PR https://github.com/example/private/pull/1",
        "releaseBranches", Map.of("value", "[\"release-0.6\"]", "type", "Json"), "advanceNoticeDays", 7));
    return cases.submit(http, "demo-security", caseId, "Task_PlanDisclosure", values);
  }

  private static String link(MimeMessage mail) {
    String body = GreenMailUtil.getBody(mail);
    assertThat(body.replace("=\r\n", "").replace("=\n", "")).contains("Acknowledge this notice and tell us your status:");
    return TestAcknowledgements.link(body);
  }

  private MimeMessage single(String domain) {
    MimeMessage[] mails = smtp.getReceivedMessagesForDomain(domain);
    assertThat(mails).hasSize(1);
    return mails[0];
  }

  private Map<String, Object> row(String caseId, String organisation) {
    return TestAcknowledgements.row(http, caseId, organisation);
  }

  private List<Map<String, Object>> ledger(String caseId) {
    return http.withBasicAuth("demo-security", "demo-security").exchange("/api/v1/cases/" + caseId + "/notifications",
        HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
  }

  private ResponseEntity<String> json(String path, String body) {
    return TestAcknowledgements.json(http, path, body);
  }

  private ResponseEntity<String> form(String path, Map<String, String> fields, Map<String, String> extra) {
    return TestAcknowledgements.form(http, path, fields, extra);
  }
}
