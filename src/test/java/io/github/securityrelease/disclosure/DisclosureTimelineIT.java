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
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A whole case from the report to its disclosure, with nobody at a keyboard between the
 * tasks: the engine clock is moved from date to date and each due job executed, and every
 * mail each party got is checked, once each.
 */
@OrchestratorIntegrationTest
class DisclosureTimelineIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  private long distroTwo;
  /** Domains of this test's own: other tests leave distributors on the list, and they get notices too. */
  private String one;
  private String two;

  @BeforeEach
  void distributors() {
    one = "distro-one-" + System.nanoTime() + ".example";
    two = "distro-two-" + System.nanoTime() + ".example";
    distributor("Distro One " + System.nanoTime(), "security@" + one);
    distroTwo = distributor("Distro Two " + System.nanoTime(), "psirt@" + two);
  }

  @Test
  @DisplayName("R13 R14 R16 R17 R18 R19 R26 R28 a case from report to DISCLOSED: every notice on time, once, to the right people, the reporter told of each step")
  void wholeCase() {
    String caseId = readyToPlan("Token leak in controller logs");
    String cve = TestCases.cveId(caseId);
    Map<String, Object> proposed = taskService.getVariables(task(caseId, "Task_PlanDisclosure").getId());
    Instant proposal = OffsetDateTime.parse((String) proposed.get("publicDisclosureAt")).toInstant();
    assertThat(proposal).as("R11 out of band: about three weeks out")
        .isBetween(Instant.now().plus(Duration.ofDays(20)), Instant.now().plus(Duration.ofDays(25)));
    assertThat(proposed.get("releaseBranches").toString()).contains("release-0.6", "release-0.5");

    Instant now = Instant.now();
    ResponseEntity<String> tooSoon = plan(caseId, now.plus(Duration.ofDays(5)), null);
    assertThat(tooSoon.getStatusCode()).as("R14 less than 7 days needs a reason").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooSoon.getBody()).contains("shortEmbargoReason");

    Instant disclosure = now.plus(Duration.ofDays(14)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    assertCompleted(plan(caseId, disclosure, null));
    Instant advanceNoticeAt = ((Date) variable(caseId, "advanceNoticeAt")).toInstant();
    assertThat(Duration.between(advanceNoticeAt, disclosure)).as("R14 7 days and the margin, or earlier")
        .isGreaterThanOrEqualTo(Duration.ofDays(7).plusHours(1));
    assertThat(http.withBasicAuth("demo-security", "demo-security").getForObject("/api/v1/cases/" + caseId, String.class))
        .contains("\"severity\":\"HIGH\"", "\"cveId\":\"" + cve + "\"", "\"advanceNoticeAt\":",
            "\"releaseNoticeAt\":", "\"publicDisclosureAt\":", "\"acknowledgedAt\":", "Event_AdvanceNoticeDue");
    assertThat(http.withBasicAuth("demo-manager", "demo-manager").getForObject("/api/v1/cases/" + caseId, String.class))
        .as("R27 no CVE for managers before the disclosure").contains("\"advanceNoticeAt\":")
        .doesNotContain(cve);

    moveTo(advanceNoticeAt.minusSeconds(120), caseId);
    assertThat(mailsTo(one)).as("nothing before the advance notice date").isEmpty();
    // one minute late: the notice says the real lead time
    moveTo(advanceNoticeAt.plusSeconds(60), caseId);
    String lead = DistributorNotices.human(Duration.between(advanceNoticeAt.plusSeconds(60), disclosure));
    MimeMessage advance = single(mailsTo(one));
    assertThat(TestSmtp.subject(advance)).isEqualTo("[EMBARGOED] " + cve + ": Token leak in controller logs");
    assertThat(GreenMailUtil.getBody(advance)).contains(cve, "HIGH", "CVSS:3.1/AV:N",
        "v0.5.0 - v0.6.0", "PR https://github.com/example/private/pull/1", lead, "embargo");
    assertThat(Arrays.stream(TestSmtp.recipients(advance))).containsExactly("security@" + one);
    assertThat(mailsTo(two)).hasSize(1);
    assertThat(variable(caseId, "status")).isEqualTo("RESTRICTED_DISCLOSURE");
    assertThat(ledger(caseId)).filteredOn(row -> "ADVANCE_NOTICE".equals(row.get("kind")))
        .filteredOn(row -> ((List<?>) row.get("recipients")).stream()
            .anyMatch(recipient -> recipient.equals("security@" + one) || recipient.equals("psirt@" + two)))
        .as("R14 on record, sent when due").hasSize(2)
        .allSatisfy(row -> assertThat(Instant.parse((String) row.get("deliveredAt")))
            .isBetween(advanceNoticeAt, advanceNoticeAt.plusSeconds(120)));

    Instant later = disclosure.plus(Duration.ofDays(2));
    ResponseEntity<String> replanned = http.withBasicAuth("demo-security", "demo-security").exchange(
        "/api/v1/cases/" + caseId + "/disclosure-plan", HttpMethod.PUT,
        new HttpEntity<>(Map.of("publicDisclosureAt", later.toString(), "reason", "Holiday freeze")), String.class);
    assertThat(replanned.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(variable(caseId, "rescheduledBy")).as("who re-planned, on record").isEqualTo("demo-security");
    cases.runDueJobs(caseId);
    assertThat(timer(caseId, "Event_ReleaseNoticeDue").getDuedate()).as("the waiting timer moved")
        .isEqualTo(Date.from(later.minus(Duration.ofHours(25))));
    assertThat(mailsTo(one)).extracting(TestSmtp::subject)
        .containsExactly("[EMBARGOED] " + cve + ": Token leak in controller logs",
            "[EMBARGOED] " + cve + ": new disclosure date " + describe(later));

    http.withBasicAuth("demo-security", "demo-security").delete("/api/v1/distributors/" + distroTwo + "?reason=Leaked");

    moveTo(later.minus(Duration.ofHours(25)).plusSeconds(60), caseId);
    assertThat(TestSmtp.subject(mailsTo(one).get(2))).startsWith("[EMBARGOED] " + cve + ": release on");
    assertThat(GreenMailUtil.getBody(mailsTo(one).get(2))).contains("A fix for the token leak");
    assertThat(mailsTo(two)).as("R26 a removed distributor gets nothing more").hasSize(2);

    moveTo(later.plusSeconds(60), caseId);
    List<Task> cherryPicks = taskService.createTaskQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey("Task_CherryPickFix").list();
    assertThat(cherryPicks).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertCompleted(cases.submit(http, "demo-release", caseId, "Task_CherryPickFix", Map.of("commit", "a1b2c3d" + i)));
    }
    assertThat((String) variable(caseId, "cherryPicks")).contains("master: a1b2c3d", "release-0.6: ", "release-0.5: ");
    assertThat(cases.submit(http, "demo-release", caseId, "Task_BuildAndVerifyRelease", Map.of(
        "releaseVersions", "v0.6.2, v0.5.4", "binariesLocation", "https://github.com/example/releases",
        "binariesVerified", false)).getStatusCode()).as("R17 verified binaries first").isEqualTo(HttpStatus.BAD_REQUEST);
    assertCompleted(cases.submit(http, "demo-release", caseId, "Task_BuildAndVerifyRelease", Map.of(
        "releaseVersions", "v0.6.2, v0.5.4", "binariesLocation", "https://github.com/example/releases",
        "binariesVerified", true)));
    cases.runDueJobs(caseId);

    assertThat(variable(caseId, "status")).isEqualTo("PUBLIC_DISCLOSURE");
    assertThat((String) variable(caseId, "releaseNotesDraft")).contains(cve, "v0.6.2, v0.5.4");
    assertThat(variable(caseId, "trackingIssueTitle")).isEqualTo(cve + ": Token leak in controller logs");
    cases.published(http, caseId);

    assertThat(cases.instance(caseId)).as("the case ended").isNull();
    assertThat(http.withBasicAuth("demo-manager", "demo-manager").getForObject("/api/v1/cases/" + caseId, String.class))
        .contains("\"status\":\"DISCLOSED\"", "\"cveId\":\"" + cve + "\"", "\"disclosedAt\":",
            "\"advanceNoticeSentAt\":", "\"releaseNoticeSentAt\":");
    MimeMessage announcement = single(mailsTo("lists.kurator.example"));
    assertThat(TestSmtp.subject(announcement)).isEqualTo("[SECURITY] " + cve + ": Token leak in controller logs");
    assertThat(GreenMailUtil.getBody(announcement)).contains("v0.6.2, v0.5.4", "HIGH",
        "https://github.com/example/releases/tag/v0.6.2", "https://github.com/example/releases");
    assertThat(mailsTo(one)).hasSize(3);
    List<MimeMessage> toReporter = mailsTo("example.net");
    assertThat(toReporter).extracting(TestSmtp::subject).as("R28 the reporter hears of each step, once")
        .containsExactlyElementsOf(java.util.stream.Stream.concat(
            java.util.stream.Stream.of("[" + caseId + "] We received your vulnerability report"),
            TestCases.progressSubjects(caseId, cve).stream()).toList());
    assertThat(GreenMailUtil.getBody(toReporter.get(2))).contains("HIGH (CVSS", "What happens next");
    assertThat(GreenMailUtil.getBody(toReporter.get(3))).contains(describe(disclosure), cve);
    assertThat(GreenMailUtil.getBody(toReporter.get(4))).contains(describe(later), describe(disclosure));
    assertThat(GreenMailUtil.getBody(toReporter.get(5))).contains("https://github.com/example/security/advisories/GHSA-1",
        "https://github.com/example/issues/99", "https://github.com/example/releases/tag/v0.6.2", "v0.6.2, v0.5.4");
    assertThat(toReporter).extracting(GreenMailUtil::getBody).as("R28 nothing the reporter may not know")
        .noneMatch(body -> body.contains("Distro") || body.contains(one) || body.contains(two)
            || body.contains("Holiday freeze") || body.contains("github.com/example/private")
            || body.contains("A fix for the token leak"));
  }

  @Test
  @DisplayName("R15 an embargo break reported through the API: the team releases now and the distributors hear of it")
  void embargoBreak() {
    String caseId = readyToPlan("Embargo break case");
    Instant disclosure = Instant.now().plus(Duration.ofDays(14));
    assertCompleted(plan(caseId, disclosure, null));
    ResponseEntity<String> reported = http.withBasicAuth("demo-security", "demo-security").postForEntity(
        "/api/v1/cases/" + caseId + "/embargo-breaks",
        Map.of("breachedBy", "Distro Two", "breachDescription", "Patch posted on a public mailing list"), String.class);
    assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    Task assess = task(caseId, "Task_AssessEmbargoBreak");
    assertThat(assess.getPriority()).as("prominent in Tasklist").isEqualTo(100);
    assertCompleted(cases.submit(http, "demo-security", caseId, "Task_AssessEmbargoBreak",
        Map.of("embargoDecision", "RELEASE_NOW", "embargoDecisionReason", "The patch is public: release today")));
    ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(120)));
    cases.runDueJobs(caseId);

    assertThat((String) variable(caseId, "embargoBreaches")).contains("Distro Two", "public mailing list");
    List<String> subjects = mailsTo(one).stream().map(TestSmtp::subject).toList();
    assertThat(subjects).anyMatch(subject -> subject.contains("embargo broken"));
    assertThat(subjects).as("the advance notice goes out at once").anyMatch(s -> s.endsWith(": Embargo break case"));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("Task_CherryPickFix")
        .count()).as("release day is now").isEqualTo(3);
  }

  /** Report, acknowledge, accept (HIGH), fix, CVE: the case waits in "Plan disclosure". */
  private String readyToPlan(String title) {
    return cases.readyToPlan(http, title);
  }

  private ResponseEntity<String> plan(String caseId, Instant disclosure, String shortEmbargoReason) {
    return cases.plan(http, caseId, disclosure, shortEmbargoReason);
  }

  private void moveTo(Instant instant, String caseId) {
    cases.runDueJobsAt(instant, caseId);
  }

  private long distributor(String organisation, String contact) {
    return TestDistributors.imported(http, organisation, contact);
  }

  private Task task(String caseId, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(key).singleResult();
  }

  private Object variable(String caseId, String name) {
    return runtimeService.getVariable(cases.instance(caseId).getId(), name);
  }

  private Job timer(String caseId, String activityId) {
    return managementService.createJobQuery().processInstanceId(cases.instance(caseId).getId()).timers()
        .activityId(activityId).singleResult();
  }

  private List<Map<String, Object>> ledger(String caseId) {
    return http.withBasicAuth("demo-security", "demo-security").exchange("/api/v1/cases/" + caseId + "/notifications",
        HttpMethod.GET, null, new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {})
        .getBody();
  }

  private List<MimeMessage> mailsTo(String domain) {
    return Arrays.asList(smtp.getReceivedMessagesForDomain(domain));
  }

  private static String describe(Instant instant) {
    return new io.github.securityrelease.cases.BusinessCalendar(new io.github.securityrelease.cases.CalendarProperties(
        java.time.ZoneId.of("Europe/Berlin"), List.of())).describe(instant);
  }


  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }
}
