package io.github.securityrelease.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.RefreshInterval;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of calendar the service writes, in every case state, read back with ical4j
 * ({@link ParsedCalendar}: strict parsing and validation): the events are those written.
 */
class CaseCalendarParseBackTest {

  private static final Instant NOW = Instant.parse("2026-11-20T09:15:42.123Z");
  private static final String CASE = "SEC-2026-0007";
  private static final String OTHER = "SEC-2026-0008";

  private static Map<String, Object> reported() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", "Token leak in controller logs");
    variables.put("severity", "HIGH");
    variables.put("acknowledgementDueBy", Date.from(Instant.parse("2026-11-24T14:00:00.250Z")));
    variables.put("fixDueBy", Date.from(Instant.parse("2026-11-27T14:00:00Z")));
    return variables;
  }

  private static Map<String, Object> planned() {
    Map<String, Object> variables = reported();
    variables.put("cveId", "CVE-2026-12345");
    variables.put("advanceNoticeAt", Date.from(Instant.parse("2026-12-01T14:00:00Z")));
    variables.put("releaseNoticeAt", Date.from(Instant.parse("2026-12-07T14:00:00Z")));
    variables.put("releaseAt", "2026-12-08T15:00+01:00");
    variables.put("publicDisclosureAt", "2026-12-08T15:00+01:00");
    return variables;
  }

  private static Map<String, Object> disclosed() {
    Map<String, Object> variables = planned();
    variables.put("acknowledgedAt", Date.from(Instant.parse("2026-11-23T10:00:00.456Z")));
    variables.put("advanceNoticeSentAt", Date.from(Instant.parse("2026-12-01T14:00:03Z")));
    variables.put("releaseNoticeSentAt", Date.from(Instant.parse("2026-12-07T14:00:02Z")));
    variables.put("disclosedAt", Date.from(Instant.parse("2026-12-08T14:05:00Z")));
    return variables;
  }

  private static Map<String, Object> with(Map<String, Object> variables, String name, Object value) {
    variables.put(name, value);
    return variables;
  }

  static Stream<Arguments> calendars() {
    List<CaseCalendar.Event> twoCases = new ArrayList<>(CaseCalendar.overview(CASE, planned()));
    twoCases.addAll(CaseCalendar.overview(OTHER, reported()));
    return Stream.of(
        Arguments.of("timeline of a new case", CaseCalendar.timeline(CASE, reported())),
        Arguments.of("timeline of a planned case", CaseCalendar.timeline(CASE, planned())),
        Arguments.of("timeline of a disclosed case", CaseCalendar.timeline(CASE, disclosed())),
        Arguments.of("timeline with an unreadable date",
            CaseCalendar.timeline(CASE, with(planned(), "releaseAt", "next Tuesday"))),
        Arguments.of("timeline with a long title in many scripts", CaseCalendar.timeline(CASE, with(planned(), "title",
            "Fuite de jeton – ключ утекает – 令牌泄露 😀 " + "ü".repeat(40) + "😀".repeat(40) + "; a, b\\ c"))),
        Arguments.of("overview of a new case", CaseCalendar.overview(CASE, reported())),
        Arguments.of("overview of a planned case", CaseCalendar.overview(CASE, planned())),
        Arguments.of("overview of two cases", twoCases),
        Arguments.of("overview with no open case", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calendars")
  @DisplayName("read back with ical4j, strictly and validated: the same events, UIDs, times and texts")
  void parseBack(String kind, List<CaseCalendar.Event> events) {
    ParsedCalendar parsed = ParsedCalendar.parse(CaseCalendar.write(kind, events, NOW));

    assertThat(parsed.value(Property.VERSION)).isEqualTo("2.0");
    assertThat(parsed.value(Property.PRODID)).isEqualTo(CaseCalendar.PRODUCT_ID);
    assertThat(parsed.value(Property.CALSCALE)).isEqualTo("GREGORIAN");
    assertThat(parsed.value(Property.METHOD)).as("a feed, no iTIP message").isNull();
    assertThat(parsed.value("X-WR-CALNAME")).isEqualTo(kind);
    assertThat(parsed.value(RefreshInterval.PROPERTY_NAME)).isEqualTo("PT1H");
    assertThat(parsed.value("X-PUBLISHED-TTL")).isEqualTo("PT1H");

    assertThat(parsed.events()).isEqualTo(events.stream()
        .map(event -> new CaseCalendar.Event(event.uid(), event.start().truncatedTo(ChronoUnit.SECONDS),
            event.summary(), event.description()))
        .sorted(Comparator.comparing(CaseCalendar.Event::start).thenComparing(CaseCalendar.Event::uid))
        .toList());
    for (VEvent vevent : parsed.vevents()) {
      assertThat(ParsedCalendar.instant(vevent, Property.DTSTAMP)).isEqualTo(NOW.truncatedTo(ChronoUnit.SECONDS));
      assertThat(ParsedCalendar.value(vevent, Property.DURATION)).isEqualTo("PT30M");
      assertThat(ParsedCalendar.value(vevent, Property.TRANSP)).isEqualTo("TRANSPARENT");
    }
  }

  @Test
  @DisplayName("read back: a disclosed case's descriptions hold the rule, the CVE ID and when it was done")
  void disclosedCase() {
    List<CaseCalendar.Event> events =
        ParsedCalendar.parse(CaseCalendar.write("x", CaseCalendar.timeline(CASE, disclosed()), NOW)).events();

    assertThat(events).extracting(CaseCalendar.Event::uid).containsExactly(
        CASE + "-acknowledgement-due@security-release-orchestrator",
        CASE + "-fix-due@security-release-orchestrator",
        CASE + "-advance-notice@security-release-orchestrator",
        CASE + "-release-notice@security-release-orchestrator",
        CASE + "-public-disclosure@security-release-orchestrator",
        CASE + "-release@security-release-orchestrator");
    assertThat(events.get(0).start()).isEqualTo(Instant.parse("2026-11-24T14:00:00Z"));
    assertThat(events.get(0).description()).isEqualTo(
        "R2: the reporter gets an acknowledgement within 2 business days of the report\n"
            + "CVE-2026-12345\nDone: 2026-11-23T10:00:00Z");
    assertThat(events.get(4).summary())
        .isEqualTo(CASE + ": public disclosure (Token leak in controller logs)");
    assertThat(events.get(4).description()).endsWith("\nCVE-2026-12345\nDone: 2026-12-08T14:05:00Z");
    assertThat(events.get(5).start()).isEqualTo(Instant.parse("2026-12-08T14:00:00Z"));
  }

  @Test
  @DisplayName("R27 read back: the overview's events carry the case ID and the milestone, nothing of the report")
  void overviewHasNoDetails() {
    List<CaseCalendar.Event> events =
        ParsedCalendar.parse(CaseCalendar.write("x", CaseCalendar.overview(CASE, disclosed()), NOW)).events();

    assertThat(events).hasSize(6).allSatisfy(event -> {
      assertThat(event.description()).isNull();
      assertThat(event.summary()).startsWith(CASE + ": ").doesNotContain("Token", "CVE-", "HIGH", "(");
    });
  }

  @Test
  @DisplayName("read back: a title with line breaks, control characters and iCalendar syntax is one SUMMARY, as text")
  void injectedTitle() {
    String title = "Leak\r\nATTENDEE:mailto:evil@example.com\rEND:VEVENT\nBEGIN:VEVENT;x,y\\z\u0000\u0007\u007f\tend";

    ParsedCalendar parsed =
        ParsedCalendar.parse(CaseCalendar.write("x", CaseCalendar.timeline(CASE, with(reported(), "title", title)), NOW));

    assertThat(parsed.vevents()).hasSize(2).allSatisfy(vevent -> {
      assertThat(vevent.getProperties(Property.ATTENDEE)).isEmpty();
      assertThat(vevent.getProperties(Property.SUMMARY)).hasSize(1);
    });
    assertThat(parsed.events().get(0).summary()).isEqualTo(CASE + ": acknowledgement to the reporter due "
        + "(Leak\nATTENDEE:mailto:evil@example.com\nEND:VEVENT\nBEGIN:VEVENT;x,y\\z\tend)");
  }
}
