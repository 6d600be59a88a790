package io.github.securityrelease.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CaseCalendarTest {

  private static final Instant NOW = Instant.parse("2026-11-20T09:15:42.123Z");
  private static final String CASE = "SEC-2026-0007";

  /** A planned case as the process leaves it: notice dates as dates, the form's dates as strings with an offset. */
  private static Map<String, Object> planned() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", "Token leak in controller logs");
    variables.put("cveId", "CVE-2026-12345");
    variables.put("severity", "HIGH");
    variables.put("acknowledgementDueBy", Date.from(Instant.parse("2026-11-24T14:00:00Z")));
    variables.put("acknowledgedAt", Date.from(Instant.parse("2026-11-23T10:00:00.456Z")));
    variables.put("fixDueBy", Date.from(Instant.parse("2026-11-27T14:00:00Z")));
    variables.put("advanceNoticeAt", Date.from(Instant.parse("2026-12-01T14:00:00Z")));
    variables.put("releaseNoticeAt", Date.from(Instant.parse("2026-12-07T14:00:00Z")));
    variables.put("releaseAt", "2026-12-08T15:00+01:00");
    variables.put("publicDisclosureAt", "2026-12-08T15:00+01:00");
    return variables;
  }

  @Test
  @DisplayName("a planned case: one event per date, in UTC, with the rule it keeps; CRLF everywhere")
  void plannedCase() {
    String ics = CaseCalendar.write("SEC-2026-0007 timeline", CaseCalendar.timeline(CASE, planned()), NOW);

    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Security Release Orchestrator//EN\r\n"
        + "CALSCALE:GREGORIAN\r\nX-WR-CALNAME:SEC-2026-0007 timeline\r\n");
    assertThat(ics).endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
    assertThat(ics.replace("\r\n", "")).as("no bare CR or LF").doesNotContain("\r", "\n");
    assertThat(count(ics, "BEGIN:VEVENT\r\n")).isEqualTo(6);
    assertThat(count(ics, "DTSTAMP:20261120T091542Z\r\n")).isEqualTo(6);
    assertThat(count(ics, "DURATION:PT30M\r\n")).isEqualTo(6);

    assertThat(unfold(ics)).containsSubsequence(
        "UID:SEC-2026-0007-acknowledgement-due@security-release-orchestrator",
        "DTSTART:20261124T140000Z",
        "SUMMARY:SEC-2026-0007: acknowledgement to the reporter due (Token leak in controller logs)",
        "DESCRIPTION:R2: the reporter gets an acknowledgement within 2 business days of the report\\n"
            + "CVE-2026-12345\\nDone: 2026-11-23T10:00:00Z",
        "UID:SEC-2026-0007-fix-due@security-release-orchestrator",
        "DTSTART:20261127T140000Z",
        "UID:SEC-2026-0007-advance-notice@security-release-orchestrator",
        "DTSTART:20261201T140000Z",
        "SUMMARY:SEC-2026-0007: advance notice to distributors (Token leak in controller logs)",
        "DESCRIPTION:R14: distributors are told at least 7 days before public disclosure\\nCVE-2026-12345",
        "UID:SEC-2026-0007-release-notice@security-release-orchestrator",
        "DTSTART:20261207T140000Z",
        "UID:SEC-2026-0007-public-disclosure@security-release-orchestrator",
        "DTSTART:20261208T140000Z",
        "UID:SEC-2026-0007-release@security-release-orchestrator",
        "DTSTART:20261208T140000Z");
  }

  @Test
  @DisplayName("a new case has only the dates it has: acknowledgement and fix due")
  void newCase() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", "Fresh report");
    variables.put("acknowledgementDueBy", Date.from(Instant.parse("2026-11-24T14:00:00Z")));
    variables.put("fixDueBy", Date.from(Instant.parse("2026-11-27T14:00:00Z")));
    variables.put("publicDisclosureAt", "");

    List<String> lines = unfold(CaseCalendar.write("x", CaseCalendar.timeline(CASE, variables), NOW));

    assertThat(lines).filteredOn(line -> line.startsWith("UID:")).containsExactly(
        "UID:SEC-2026-0007-acknowledgement-due@security-release-orchestrator",
        "UID:SEC-2026-0007-fix-due@security-release-orchestrator");
  }

  @Test
  @DisplayName("the UIDs stay the same when the calendar is fetched again later, or a date moves")
  void stableUids() {
    Map<String, Object> moved = planned();
    moved.put("publicDisclosureAt", "2026-12-15T15:00+01:00");
    List<String> first = uids(CaseCalendar.write("x", CaseCalendar.timeline(CASE, planned()), NOW));
    List<String> later = uids(CaseCalendar.write("x", CaseCalendar.timeline(CASE, moved), NOW.plusSeconds(3600)));

    assertThat(later).containsExactlyInAnyOrderElementsOf(first).hasSize(6).doesNotHaveDuplicates();
    assertThat(uids(CaseCalendar.write("x", CaseCalendar.overview(CASE, planned()), NOW)))
        .as("the same event in either calendar").containsExactlyInAnyOrderElementsOf(first);
  }

  @Test
  @DisplayName("R27 the overview of a case carries its ID and dates: no title, CVE, severity or description")
  void overviewHasNoDetails() {
    String ics = CaseCalendar.write("Security releases: open cases", CaseCalendar.overview(CASE, planned()), NOW);

    assertThat(unfold(ics)).contains("SUMMARY:SEC-2026-0007: advance notice to distributors",
        "SUMMARY:SEC-2026-0007: public disclosure", "X-WR-CALNAME:Security releases: open cases");
    assertThat(ics).doesNotContain("Token", "CVE-", "HIGH", "DESCRIPTION", "R14");
  }

  @Test
  @DisplayName("TEXT values escape backslash, semicolon, comma and every line break; control characters are left out")
  void escaping() {
    Map<String, Object> variables = planned();
    variables.put("title", "a\\b;c,d\ne\r\nf\rg\th nul\u0000 bell\u0007 del\u007f Ünïcödé € 😀");

    List<String> lines = unfold(CaseCalendar.write("x", CaseCalendar.timeline(CASE, variables), NOW));

    assertThat(lines).contains("SUMMARY:SEC-2026-0007: fix due (a\\\\b\\;c\\,d\\ne\\nf\\ng\th nul bell del Ünïcödé € 😀)");
  }

  @Test
  @DisplayName("a title that tries to add properties or events stays text inside SUMMARY")
  void injectionStaysText() {
    Map<String, Object> variables = planned();
    variables.put("title", "Leak\r\nATTENDEE:mailto:evil@example.com\r\nEND:VEVENT\nBEGIN:VEVENT\nUID:x;y,z\\\rORGANIZER:x");

    String ics = CaseCalendar.write("x", CaseCalendar.timeline(CASE, variables), NOW);
    List<String> lines = unfold(ics);

    assertThat(ics.replace("\r\n", "")).as("no bare CR or LF").doesNotContain("\r", "\n");

    assertThat(lines).noneMatch(line -> line.startsWith("ATTENDEE") || line.startsWith("ORGANIZER"));
    assertThat(lines).filteredOn(line -> line.equals("BEGIN:VEVENT")).hasSize(6);
    assertThat(lines).filteredOn(line -> line.equals("END:VEVENT")).hasSize(6);
    assertThat(lines).filteredOn(line -> line.startsWith("UID:")).hasSize(6)
        .allMatch(line -> line.endsWith("@security-release-orchestrator"));
    assertThat(lines).contains("SUMMARY:SEC-2026-0007: advance notice to distributors (Leak\\nATTENDEE:"
        + "mailto:evil@example.com\\nEND:VEVENT\\nBEGIN:VEVENT\\nUID:x\\;y\\,z\\\\\\nORGANIZER:x)");
  }

  @Test
  @DisplayName("long lines are folded (by ical4j, at 73 characters), never inside a character, and unfold to the original")
  void folding() throws Exception {
    Map<String, Object> variables = planned();
    String title = "Fuite de jeton dans les journaux du contrôleur – ключ утекает – 令牌泄露 😀😀😀 "
        + "ü".repeat(40) + "€".repeat(30) + "😀".repeat(20) + "x".repeat(100);
    variables.put("title", title);

    String ics = CaseCalendar.write("x", CaseCalendar.timeline(CASE, variables), NOW);

    assertWholeLines(ics);
    assertThat(ics).contains("\r\n ");
    assertThat(unfold(ics)).contains("SUMMARY:SEC-2026-0007: public disclosure (" + title + ")");
  }

  @Test
  @DisplayName("a character outside the BMP (an emoji) at any place of a folded line stays whole in UTF-8")
  void foldingKeepsSurrogatePairs() throws Exception {
    // every offset: one of them puts the emoji where ical4j 4.1.1 folds between its two halves
    for (int offset = 0; offset < 80; offset++) {
      Map<String, Object> variables = planned();
      String title = "x".repeat(offset) + "😀".repeat(45);
      variables.put("title", title);

      String ics = CaseCalendar.write("x", CaseCalendar.timeline(CASE, variables), NOW);
      String onTheWire = new String(ics.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

      assertWholeLines(onTheWire);
      assertThat(unfold(onTheWire)).as("offset " + offset)
          .contains("SUMMARY:SEC-2026-0007: public disclosure (" + title + ")");
    }
  }

  /** Each physical line at most 75 characters and decodable on its own: no character was cut in two. */
  private static void assertWholeLines(String ics) throws Exception {
    for (String line : ics.split("\r\n")) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(75);
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
      assertThat(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).as("whole in UTF-8")
          .isEqualTo(line);
    }
  }

  @Test
  @DisplayName("an unreadable date is left out, not a failure of the whole calendar")
  void unreadableDate() {
    Map<String, Object> variables = planned();
    variables.put("releaseAt", "next Tuesday");
    assertThat(uids(CaseCalendar.write("x", CaseCalendar.overview(CASE, variables), NOW)))
        .hasSize(5).doesNotContain("UID:SEC-2026-0007-release@security-release-orchestrator");
  }

  @Test
  @DisplayName("a calendar with no events is still a calendar")
  void empty() {
    assertThat(CaseCalendar.write("Security releases: open cases", List.of(), NOW))
        .startsWith("BEGIN:VCALENDAR\r\n").endsWith("X-PUBLISHED-TTL:PT1H\r\nEND:VCALENDAR\r\n")
        .doesNotContain("VEVENT");
  }

  /** RFC 5545 3.1: a CRLF followed by one space or tab is removed. */
  static List<String> unfold(String ics) {
    return Arrays.asList(ics.replaceAll("\r\n[ \t]", "").split("\r\n"));
  }

  private static List<String> uids(String ics) {
    return unfold(ics).stream().filter(line -> line.startsWith("UID:")).toList();
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
