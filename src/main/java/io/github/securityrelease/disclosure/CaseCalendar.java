package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A case's planned dates as an iCalendar (RFC 5545) file a team calendar can subscribe to:
 * one event per date the case has, each with a UID that stays the same however often the
 * calendar is fetched or the date moved. Written by hand: CRLF line endings, TEXT values
 * escaped (so that no reporter text can start a property of its own), lines folded at 75
 * octets without splitting a UTF-8 character.
 */
final class CaseCalendar {

  /** The domain part of every UID: the events are this service's. */
  static final String UID_DOMAIN = "security-release-orchestrator";

  /** RFC 5545 3.1: a content line is at most 75 octets, the line break not counted. */
  static final int MAX_LINE_OCTETS = 75;

  private static final DateTimeFormatter UTC_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** How long each event lasts in a calendar: a short slot at the date, not a busy block. */
  private static final String DURATION = "PT30M";

  /** Every planned date of a case, in the order of the timeline, with what happened when it is done. */
  enum Milestone {
    ACKNOWLEDGEMENT_DUE("acknowledgement-due", ACKNOWLEDGEMENT_DUE_BY, ACKNOWLEDGED_AT,
        "acknowledgement to the reporter due",
        "R2: the reporter gets an acknowledgement within 2 business days of the report"),
    FIX_DUE("fix-due", FIX_DUE_BY, null, "fix due",
        "R8: fix development is to complete within 7 days of the report"),
    ADVANCE_NOTICE("advance-notice", ADVANCE_NOTICE_AT, ADVANCE_NOTICE_SENT_AT, "advance notice to distributors",
        "R14: distributors are told at least 7 days before public disclosure"),
    RELEASE_NOTICE("release-notice", RELEASE_NOTICE_AT, RELEASE_NOTICE_SENT_AT, "release notice to distributors",
        "R16: distributors get the public messaging, date and time at least 24 hours before the release"),
    RELEASE("release", RELEASE_AT, null, "release",
        "R17: the fix is cherry-picked onto master and every release branch, and the binaries are built"),
    PUBLIC_DISCLOSURE("public-disclosure", PUBLIC_DISCLOSURE_AT, DISCLOSED_AT, "public disclosure",
        "R18: the announcement, the advisory and the tracking issue; the embargo ends");

    private final String key;
    private final String variable;
    private final String doneVariable;
    private final String summary;
    private final String rule;

    Milestone(String key, String variable, String doneVariable, String summary, String rule) {
      this.key = key;
      this.variable = variable;
      this.doneVariable = doneVariable;
      this.summary = summary;
      this.rule = rule;
    }

    /** The case variable that holds the planned date. */
    String variable() {
      return variable;
    }

    /** The case variable that holds when it happened, or null where the case keeps none. */
    String doneVariable() {
      return doneVariable;
    }

    String summary() {
      return summary;
    }

    String rule() {
      return rule;
    }

    /** Stable for the case and the milestone: a moved date updates the event, it does not add one. */
    String uid(String caseId) {
      return caseId + "-" + key + "@" + UID_DOMAIN;
    }
  }

  /** Every variable the calendars read. */
  static final List<String> VARIABLES;

  static {
    List<String> names = new ArrayList<>(List.of(TITLE, CVE_ID));
    for (Milestone milestone : Milestone.values()) {
      names.add(milestone.variable());
      if (milestone.doneVariable() != null) {
        names.add(milestone.doneVariable());
      }
    }
    VARIABLES = List.copyOf(names);
  }

  /** The planned dates of a case and nothing else: what the overview calendar reads. */
  static final List<String> DATE_VARIABLES = Arrays.stream(Milestone.values()).map(Milestone::variable).toList();

  /** One event: {@code description} may be null. */
  record Event(String uid, Instant start, String summary, String description) {}

  private CaseCalendar() {}

  /**
   * The events of one case for the security team: the title in each summary, the rule, the
   * CVE ID and when it was done in the description.
   */
  static List<Event> timeline(String caseId, Map<String, Object> variables) {
    String title = text(variables.get(TITLE));
    String cveId = text(variables.get(CVE_ID));
    List<Event> events = new ArrayList<>();
    for (Milestone milestone : Milestone.values()) {
      Instant at = date(variables.get(milestone.variable()));
      if (at == null) {
        continue;
      }
      String summary = caseId + ": " + milestone.summary() + (title == null ? "" : " (" + title + ")");
      StringBuilder description = new StringBuilder(milestone.rule());
      if (cveId != null) {
        description.append('\n').append(cveId);
      }
      Instant done = milestone.doneVariable() == null ? null : date(variables.get(milestone.doneVariable()));
      if (done != null) {
        description.append("\nDone: ").append(done.truncatedTo(ChronoUnit.SECONDS));
      }
      events.add(new Event(milestone.uid(caseId), at, summary, description.toString()));
    }
    return events;
  }

  /**
   * The events of one case for a calendar of every case (R27): the case ID and the dates,
   * never the title, the CVE ID, the severity or any other detail of the report.
   */
  static List<Event> overview(String caseId, Map<String, Object> variables) {
    List<Event> events = new ArrayList<>();
    for (Milestone milestone : Milestone.values()) {
      Instant at = date(variables.get(milestone.variable()));
      if (at != null) {
        events.add(new Event(milestone.uid(caseId), at, caseId + ": " + milestone.summary(), null));
      }
    }
    return events;
  }

  /** The whole calendar, events by date; {@code stamp} (the service's clock) is every event's DTSTAMP. */
  static String write(String name, List<Event> events, Instant stamp) {
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Security Release Orchestrator//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:" + escape(name));
    // a hint to subscribing clients: fetch again every hour, so that a moved date shows
    line(out, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    line(out, "X-PUBLISHED-TTL:PT1H");
    String dtstamp = utc(stamp);
    events.stream()
        .sorted(Comparator.comparing(Event::start).thenComparing(Event::uid))
        .forEach(event -> {
          line(out, "BEGIN:VEVENT");
          line(out, "UID:" + escape(event.uid()));
          line(out, "DTSTAMP:" + dtstamp);
          line(out, "DTSTART:" + utc(event.start()));
          line(out, "DURATION:" + DURATION);
          line(out, "SUMMARY:" + escape(event.summary()));
          if (event.description() != null) {
            line(out, "DESCRIPTION:" + escape(event.description()));
          }
          // a date to know of, not time taken
          line(out, "TRANSP:TRANSPARENT");
          line(out, "END:VEVENT");
        });
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  /**
   * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, every line break
   * (CRLF, CR or LF) written as {@code \n}, and other control characters, which TEXT may not
   * hold, left out. What comes back cannot end the property or start another.
   */
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case ';' -> out.append("\\;");
        case ',' -> out.append("\\,");
        case '\r' -> {
          out.append("\\n");
          if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\n' -> out.append("\\n");
        case '\t' -> out.append(c);
        default -> {
          if (c >= 0x20 && c != 0x7f) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * One content line, folded (RFC 5545 3.1): at most 75 octets of UTF-8 a line, each further
   * line starting with one space that counts among its 75; a line is only broken between
   * two characters, never inside one.
   */
  static String fold(String line) {
    StringBuilder out = new StringBuilder(line.length() + 8);
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int codePoint = line.codePointAt(i);
      int width = utf8Octets(codePoint);
      if (octets + width > MAX_LINE_OCTETS) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(codePoint);
      octets += width;
      i += Character.charCount(codePoint);
    }
    return out.toString();
  }

  private static int utf8Octets(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    if (codePoint < 0x10000) {
      // a lone surrogate is written as one replacement byte; counting it as 3 keeps the limit safe
      return 3;
    }
    return 4;
  }

  private static void line(StringBuilder out, String content) {
    out.append(fold(content)).append("\r\n");
  }

  private static String utc(Instant instant) {
    return UTC_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /** A date variable, or a plan date as the form submits it; anything unreadable is left out of the calendar. */
  private static Instant date(Object value) {
    try {
      return PlanDates.parse(value, "date");
    } catch (InvalidPlanException unreadable) {
      return null;
    }
  }
}
