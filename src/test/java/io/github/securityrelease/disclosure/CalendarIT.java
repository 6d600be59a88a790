package io.github.securityrelease.disclosure;

import static io.github.securityrelease.TestCases.assertCompleted;
import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

/**
 * The timeline at a glance in the whole service: a case's dates as an iCalendar file for the
 * security team, and every open case's dates, with nothing but the case ID, for the team and
 * the managers.
 */
@OrchestratorIntegrationTest
class CalendarIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;

  @Test
  @DisplayName("a new case's timeline: acknowledgement and fix due, in UTC, not cached, stamped by the engine clock")
  void newCase() {
    ResponseEntity<Map> reported = post(http, report("Calendar new case", "ada@example.net"));
    String caseId = (String) reported.getBody().get("caseId");
    Instant acknowledgementDue = Instant.parse((String) reported.getBody().get("acknowledgementDueBy"));
    Instant clock = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
    ClockUtil.setCurrentTime(Date.from(clock));

    ResponseEntity<String> response = get("demo-security", "/api/v1/cases/" + caseId + "/timeline.ics");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).hasToString("text/calendar;charset=UTF-8");
    assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("inline; filename=\"" + caseId + ".ics\"");
    assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
    String ics = response.getBody();
    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
    List<String> lines = CaseCalendarTest.unfold(ics);
    assertThat(lines).containsSubsequence(
        "UID:" + caseId + "-acknowledgement-due@security-release-orchestrator",
        "DTSTART:" + UTC.format(acknowledgementDue),
        "SUMMARY:" + caseId + ": acknowledgement to the reporter due (Calendar new case)");
    assertThat(lines).filteredOn(line -> line.startsWith("UID:")).containsExactly(
        "UID:" + caseId + "-acknowledgement-due@security-release-orchestrator",
        "UID:" + caseId + "-fix-due@security-release-orchestrator");
    assertThat(lines).filteredOn(line -> line.startsWith("DTSTAMP:")).hasSize(2)
        .allMatch(line -> line.startsWith("DTSTAMP:" + UTC.format(clock).substring(0, 13)));

    ParsedCalendar parsed = ParsedCalendar.parse(ics);
    assertThat(parsed.value("X-WR-CALNAME")).isEqualTo(caseId + " timeline");
    assertThat(parsed.events()).extracting(CaseCalendar.Event::uid).containsExactly(
        caseId + "-acknowledgement-due@security-release-orchestrator",
        caseId + "-fix-due@security-release-orchestrator");
    assertThat(parsed.events().get(0).start()).isEqualTo(acknowledgementDue.truncatedTo(ChronoUnit.SECONDS));
    assertThat(parsed.events().get(0).summary())
        .isEqualTo(caseId + ": acknowledgement to the reporter due (Calendar new case)");
    assertThat(parsed.events().get(0).description()).startsWith("R2: ");
  }

  @Test
  @DisplayName("R27 a planned case's timeline has all six dates; the calendar of open cases shows them with the case ID only")
  void plannedCase() {
    String caseId = readyToPlan("Calendar planned case");
    Instant disclosure = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);
    Instant release = disclosure.minus(Duration.ofHours(2));
    assertCompleted(plan(caseId, disclosure, release));

    String timeline = get("demo-security", "/api/v1/cases/" + caseId + "/timeline.ics").getBody();
    List<String> lines = CaseCalendarTest.unfold(timeline);
    assertThat(lines).filteredOn(line -> line.startsWith("UID:")).hasSize(6);
    assertThat(ParsedCalendar.parse(timeline).events()).contains(new CaseCalendar.Event(
        caseId + "-advance-notice@security-release-orchestrator",
        disclosure.minus(Duration.ofDays(7)).minus(Duration.ofHours(1)),
        caseId + ": advance notice to distributors (Calendar planned case)",
        "R14: distributors are told at least 7 days before public disclosure\n" + TestCases.cveId(caseId)));
    assertThat(lines).containsSubsequence(
        "UID:" + caseId + "-advance-notice@security-release-orchestrator",
        "DTSTART:" + UTC.format(disclosure.minus(Duration.ofDays(7)).minus(Duration.ofHours(1))),
        "SUMMARY:" + caseId + ": advance notice to distributors (Calendar planned case)",
        "DESCRIPTION:R14: distributors are told at least 7 days before public disclosure\\n" + TestCases.cveId(caseId));
    assertThat(lines).containsSubsequence(
        "UID:" + caseId + "-release-notice@security-release-orchestrator",
        "DTSTART:" + UTC.format(release.minus(Duration.ofHours(25))));
    assertThat(lines).containsSubsequence(
        "UID:" + caseId + "-release@security-release-orchestrator",
        "DTSTART:" + UTC.format(release));
    assertThat(lines).containsSubsequence(
        "UID:" + caseId + "-public-disclosure@security-release-orchestrator",
        "DTSTART:" + UTC.format(disclosure));
    assertThat(lines).contains("UID:" + caseId + "-acknowledgement-due@security-release-orchestrator",
        "UID:" + caseId + "-fix-due@security-release-orchestrator");

    for (String user : List.of("demo-manager", "demo-security")) {
      ResponseEntity<String> all = get(user, "/api/v1/calendar.ics");
      assertThat(all.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      assertThat(all.getHeaders().getContentType()).hasToString("text/calendar;charset=UTF-8");
      assertThat(all.getHeaders().getCacheControl()).isEqualTo("no-store");
      List<String> overview = CaseCalendarTest.unfold(all.getBody());
      assertThat(overview).filteredOn(line -> line.startsWith("UID:" + caseId + "-")).hasSize(6);
      assertThat(overview).containsSubsequence(
          "UID:" + caseId + "-advance-notice@security-release-orchestrator",
          "DTSTART:" + UTC.format(disclosure.minus(Duration.ofDays(7)).minus(Duration.ofHours(1))),
          "SUMMARY:" + caseId + ": advance notice to distributors");
      assertThat(all.getBody()).as("R27 no embargoed detail, of this case or any other")
          .doesNotContain("Calendar planned case", "CVE-", "HIGH", "DESCRIPTION", "Token leak", "R14");
      List<CaseCalendar.Event> read = ParsedCalendar.parse(all.getBody()).events();
      assertThat(read).filteredOn(event -> event.uid().startsWith(caseId + "-")).hasSize(6)
          .contains(new CaseCalendar.Event(caseId + "-public-disclosure@security-release-orchestrator", disclosure,
              caseId + ": public disclosure", null));
      assertThat(read).as("R27 read back: the case ID and the milestone, nothing else").allSatisfy(event -> {
        assertThat(event.description()).isNull();
        assertThat(event.summary()).matches("[^:(]+: [a-z ]+");
      });
    }
  }

  @Test
  @DisplayName("only open cases are in the calendar of all cases; an ended case keeps its own timeline")
  void endedCase() {
    String caseId = (String) post(http, report("Calendar ended case", "ada@example.net")).getBody().get("caseId");
    assertThat(get("demo-security", "/api/v1/calendar.ics").getBody()).contains("UID:" + caseId + "-acknowledgement-due@");

    runtimeService.deleteProcessInstance(cases.instance(caseId).getId(), "ended for the test");

    assertThat(get("demo-security", "/api/v1/calendar.ics").getBody()).doesNotContain(caseId + "-");
    ResponseEntity<String> timeline = get("demo-security", "/api/v1/cases/" + caseId + "/timeline.ics");
    assertThat(timeline.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(timeline.getBody()).contains("UID:" + caseId + "-acknowledgement-due@");
    assertThat(ParsedCalendar.parse(timeline.getBody()).events()).extracting(CaseCalendar.Event::uid)
        .contains(caseId + "-acknowledgement-due@security-release-orchestrator");
  }

  @Test
  @DisplayName("a title that tries to add an attendee stays text inside SUMMARY")
  void injectedTitle() {
    String caseId = (String) post(http, report("Calendar injection case", "ada@example.net")).getBody().get("caseId");
    // the intake refuses a line break in a title; a variable changed later must be just as harmless
    runtimeService.setVariable(cases.instance(caseId).getId(), "title",
        "Leak\r\nATTENDEE;CN=Evil:mailto:evil@example.com\r\nEND:VEVENT");

    String ics = get("demo-security", "/api/v1/cases/" + caseId + "/timeline.ics").getBody();

    List<String> lines = CaseCalendarTest.unfold(ics);
    assertThat(lines).noneMatch(line -> line.startsWith("ATTENDEE"));
    assertThat(lines).filteredOn("END:VEVENT"::equals).hasSize(2);
    assertThat(lines).contains("SUMMARY:" + caseId + ": acknowledgement to the reporter due (Leak\\nATTENDEE\\;"
        + "CN=Evil:mailto:evil@example.com\\nEND:VEVENT)");
    ParsedCalendar parsed = ParsedCalendar.parse(ics);
    assertThat(parsed.vevents()).hasSize(2).allSatisfy(vevent -> assertThat(vevent.getProperties("ATTENDEE")).isEmpty());
    assertThat(parsed.events().get(0).summary()).isEqualTo(caseId + ": acknowledgement to the reporter due "
        + "(Leak\nATTENDEE;CN=Evil:mailto:evil@example.com\nEND:VEVENT)");
  }

  @ParameterizedTest(name = "R27 {0} by {1} -> {2}")
  @CsvSource({
      "timeline, none, 401",
      "timeline, demo-security, 200",
      "timeline, demo-manager, 403",
      "timeline, demo-associate, 403",
      "timeline, demo-admin, 403",
      "calendar, none, 401",
      "calendar, demo-security, 200",
      "calendar, demo-manager, 200",
      "calendar, demo-maintainer, 403",
      "calendar, demo-admin, 403"})
  void access(String which, String user, int expected) {
    String caseId = (String) post(http, report("Calendar access case", "ada@example.net")).getBody().get("caseId");
    String path = which.equals("timeline") ? "/api/v1/cases/" + caseId + "/timeline.ics" : "/api/v1/calendar.ics";

    ResponseEntity<String> response = get(user, path);

    assertThat(response.getStatusCode().value()).isEqualTo(expected);
    if (expected == 401) {
      assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }
    if (expected == 200) {
      assertThat(ParsedCalendar.parse(response.getBody()).events()).isNotEmpty();
    }
    if (expected != 200) {
      assertThat(response.getBody()).as("nothing of the calendar").doesNotContain("VCALENDAR", caseId + "-");
    }
  }

  @Test
  @DisplayName("an unknown case: 404 problem+json, also for a client that asks for a calendar")
  void unknownCase() {
    for (MediaType accept : List.of(MediaType.ALL, MediaType.valueOf("text/calendar"))) {
      HttpHeaders headers = new HttpHeaders();
      headers.setAccept(List.of(accept));
      ResponseEntity<String> response = http.withBasicAuth("demo-security", "demo-security").exchange(
          "/api/v1/cases/SEC-1999-9999/timeline.ics", HttpMethod.GET, new HttpEntity<>(headers), String.class);

      assertThat(response.getStatusCode()).as(accept.toString()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(response.getHeaders().getContentType()).as(accept.toString())
          .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
      assertThat(response.getBody()).contains("SEC-1999-9999");
    }
  }

  private ResponseEntity<String> get(String user, String path) {
    TestRestTemplate as = "none".equals(user) ? http : http.withBasicAuth(user, user);
    return as.getForEntity(path, String.class);
  }

  /** Report, acknowledge, accept (HIGH), fix, CVE: the case waits in "Plan disclosure". */
  private String readyToPlan(String title) {
    return cases.readyToPlan(http, title);
  }

  private ResponseEntity<String> plan(String caseId, Instant disclosure, Instant release) {
    Map<String, Object> values = new HashMap<>(Map.of(
        "publicDisclosureAt", OffsetDateTime.ofInstant(disclosure, ZoneOffset.ofHours(1)).toString(),
        "releaseAt", OffsetDateTime.ofInstant(release, ZoneOffset.ofHours(1)).toString(),
        "publicMessaging", "A fix for the token leak ships today",
        "distributorContent", "PR https://github.com/example/private/pull/1",
        "releaseBranches", Map.of("value", "[\"release-0.6\",\"release-0.5\"]", "type", "Json"),
        "advanceNoticeDays", 7));
    return cases.submit(http, "demo-security", caseId, "Task_PlanDisclosure", values);
  }
}
