package io.github.securityrelease.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestDistributors;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.cases.BusinessCalendar;
import io.github.securityrelease.inbox.Inbox;
import io.github.securityrelease.reporter.ReporterPageIT;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The whole case as the reporter lives it, by mail alone (GreenMail SMTP and IMAP): the report
 * mailed to the security address, the receipt and every later mail in the report's thread, the
 * team's question and the reporter's answer on the case's record, each step of the case told,
 * and the credit the reporter asked for in what is published. The engine clock moves the
 * timers; one test, since every step stands on the one before.
 */
@OrchestratorIntegrationTest
class ReporterJourneyIT {

  @RegisterExtension
  static GreenMailExtension mail = TestSmtp.serverWithInbox();

  private static final String TITLE = "Token leak in the controller logs";
  private static final String CREDIT = "Ada Lovelace (@ada)";

  @Autowired Inbox inbox;
  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;
  @Autowired BusinessCalendar calendar;

  @Test
  @DisplayName("R1 R2 R28 a report by mail followed to its advisory: every mail in the report's thread, the answer on record, the credit published, no distributor named")
  void wholeCaseByMail() throws Exception {
    String organisation = "Journey Distro " + System.nanoTime();
    String distributorDomain = "journey-" + System.nanoTime() + ".example";
    TestDistributors.imported(http, organisation, "security@" + distributorDomain);

    // R1: the report, in the template's headings with the Credit heading, becomes a case
    String reporter = TestSmtp.sender();
    MimeMessage report = TestSmtp.mail(reporter, TITLE, """
        **What happened**:
        The controller logs the cluster's token at info level.

        **How to reproduce it**:
        Run it with -v=6 and read the logs.

        **Credit**:
        %s
        """.formatted(CREDIT));
    String reportId = report.getMessageID();
    TestSmtp.deliver(mail, report);
    assertThat(inbox.poll().cases()).isEqualTo(1);
    String caseId = onlyCaseOf(reporter);
    assertThat(variable(caseId, "credit")).isEqualTo(CREDIT);

    // R2: the receipt answers the report, with the link to the reporter's page
    cases.runDueJobs(caseId);
    MimeMessage receipt = single(TestSmtp.receivedBy(mail, reporter));
    assertThat(receipt.getSubject()).isEqualTo("Re: [" + caseId + "] " + TITLE);
    assertThat(receipt.getHeader("In-Reply-To", null)).isEqualTo(reportId);
    Matcher link = ReporterPageIT.LINK.matcher(GreenMailUtil.getBody(receipt));
    assertThat(link.find()).as("the receipt links the reporter's page").isTrue();
    assertThat(http.getForEntity(link.group(1), String.class).getBody()).contains(caseId);

    // R28: the team asks through the API, the reporter answers that mail: one message on the case, no case
    assertThat(http.withBasicAuth("demo-security", "demo-security").postForEntity("/api/v1/cases/" + caseId + "/messages",
        Map.of("body", "Which version of the controller runs there?"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    cases.runDueJobs(Conversation.PROCESS_KEY, caseId);
    MimeMessage question = TestSmtp.receivedBy(mail, reporter).get(1);
    // RFC 3834: the service's own notices are marked, so no autoresponder (nor an inbox) answers
    // them; a person's message is not
    assertThat(receipt.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    assertThat(question.getHeader("Auto-Submitted")).isNull();
    MimeMessage answer = TestSmtp.mail(reporter, "Re: " + question.getSubject(),
        "It is v0.6.0.\n\nOn Mon, 1 Dec 2026, Security wrote:\n> Which version of the controller runs there?\n");
    answer.setHeader("In-Reply-To", question.getMessageID());
    answer.setHeader("References", reportId + " " + question.getMessageID());
    TestSmtp.deliver(mail, answer);
    Inbox.Reading reading = inbox.poll();
    assertThat(reading.messages()).isEqualTo(1);
    assertThat(reading.cases()).isZero();
    assertThat(casesOf(reporter)).as("never a second case").hasSize(1);
    assertThat(messages(caseId)).extracting(m -> m.get("direction") + ": " + m.get("body"))
        .filteredOn(m -> m.startsWith("IN")).containsExactly("IN: It is v0.6.0.");

    // the case goes its way: acknowledged, accepted (HIGH), fixed, its CVE, the plan
    cases.acceptedAndFixed(http, caseId);
    cases.impactDescribed(http, caseId);
    cases.cveRecorded(http, caseId);
    String cve = TestCases.cveId(caseId);
    Instant disclosure = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);
    TestCases.assertCompleted(cases.plan(http, caseId, disclosure, null));

    // after the advance notice, the team moves the date two days on
    cases.runDueJobsAt(((Date) variable(caseId, "advanceNoticeAt")).toInstant().plusSeconds(60), caseId);
    Instant later = disclosure.plus(Duration.ofDays(2));
    assertThat(http.withBasicAuth("demo-security", "demo-security").exchange("/api/v1/cases/" + caseId
        + "/disclosure-plan", HttpMethod.PUT, new HttpEntity<>(Map.of("publicDisclosureAt", later.toString(),
        "reason", "Holiday freeze")), String.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    cases.runDueJobs(caseId);

    // release day: the release notice, the release, the publications
    cases.runDueJobsAt(later.minus(Duration.ofHours(25)).plusSeconds(60), caseId);
    cases.runDueJobsAt(later.plusSeconds(60), caseId);
    cases.released(http, caseId);
    cases.published(http, caseId);
    assertThat(cases.instance(caseId)).as("the case ended: DISCLOSED").isNull();

    // the published advisory, the CVE record and the announcement carry the credit
    JsonNode osv = advisory(caseId, "osv");
    assertThat(osv.at("/credits/0/name").asText()).isEqualTo(CREDIT);
    assertThat(osv.at("/credits/0/type").asText()).isEqualTo("FINDER");
    JsonNode record = advisory(caseId, "cve5");
    assertThat(record.at("/containers/cna/credits/0/value").asText()).isEqualTo(CREDIT);
    assertThat(record.at("/containers/cna/credits/0/type").asText()).isEqualTo("finder");
    MimeMessage announcement = single(TestSmtp.receivedBy(mail, "announce@lists.kurator.example").stream()
        .filter(sent -> TestSmtp.subject(sent).contains(cve)).toList());
    assertThat(GreenMailUtil.getBody(announcement)).contains("Thanks to " + CREDIT);

    // R28: the reporter heard of each step, once, in the report's thread, tagged, and of no distributor
    List<MimeMessage> toReporter = TestSmtp.receivedBy(mail, reporter);
    assertThat(toReporter).extracting(TestSmtp::subject).containsExactlyElementsOf(Stream.concat(
        Stream.of("Re: [" + caseId + "] " + TITLE, "Re: [" + caseId + "] " + TITLE),
        TestCases.progressSubjects(caseId, cve).stream()).toList());
    assertThat(GreenMailUtil.getBody(toReporter.get(3))).contains("HIGH (CVSS", "What happens next");
    assertThat(GreenMailUtil.getBody(toReporter.get(4))).contains(calendar.describe(disclosure));
    assertThat(GreenMailUtil.getBody(toReporter.get(5))).contains(calendar.describe(later), calendar.describe(disclosure));
    assertThat(GreenMailUtil.getBody(toReporter.get(6))).contains(TestCases.ADVISORY_URL, TestCases.RELEASE_NOTES_URL,
        TestCases.TRACKING_ISSUE_URL, "You are credited as " + CREDIT);
    assertThat(toReporter).allSatisfy(sent -> {
      assertThat(sent.getHeader("In-Reply-To", null)).as("in the report's thread").isEqualTo(reportId);
      assertThat(sent.getHeader("References", null)).contains(reportId);
      assertThat(sent.getSubject()).contains("[" + caseId + "]");
      assertThat(sent.getSubject() + GreenMailUtil.getBody(sent)).doesNotContain(organisation, distributorDomain,
          "Holiday freeze", "github.com/example/private");
    });
  }

  private String onlyCaseOf(String reporter) {
    List<org.camunda.bpm.engine.runtime.ProcessInstance> reported = casesOf(reporter);
    assertThat(reported).hasSize(1);
    return reported.get(0).getBusinessKey();
  }

  private List<org.camunda.bpm.engine.runtime.ProcessInstance> casesOf(String reporter) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("vulnerability-handling")
        .variableValueEquals("reporterEmail", reporter).list();
  }

  private Object variable(String caseId, String name) {
    return runtimeService.getVariable(cases.instance(caseId).getId(), name);
  }

  private List<Map<String, Object>> messages(String caseId) {
    return http.withBasicAuth("demo-security", "demo-security").exchange("/api/v1/cases/" + caseId + "/messages",
        HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
  }

  private JsonNode advisory(String caseId, String format) throws Exception {
    ResponseEntity<String> published = http.withBasicAuth("demo-security", "demo-security")
        .getForEntity("/api/v1/cases/" + caseId + "/advisory?format=" + format, String.class);
    assertThat(published.getStatusCode()).as(published.getBody()).isEqualTo(HttpStatus.OK);
    return new ObjectMapper().readTree(published.getBody());
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }
}
