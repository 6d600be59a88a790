package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * A case's planned dates as an iCalendar (RFC 5545) file a team calendar can subscribe to:
 * one event per date the case has, each with a UID that stays the same however often the
 * calendar is fetched or the date moved. Written with ical4j ({@link #write}).
 */
final class CaseCalendar {

  /** The domain part of every UID: the events are this service's. */
  static final String UID_DOMAIN = "security-release-orchestrator";

  /** The PRODID of every calendar (RFC 5545 3.7.3). */
  static final String PRODUCT_ID = "-//Security Release Orchestrator//EN";

  /** How long each event lasts in a calendar: a short slot at the date, not a busy block. */
  static final Duration DURATION = Duration.ofMinutes(30);

  /** How often a subscribing client should fetch the calendar again. */
  static final Duration REFRESH = Duration.ofHours(1);

  private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n|\\r");
  private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f]");
  private static final Pattern SPLIT_PAIR = Pattern.compile("([\\x{D800}-\\x{DBFF}])\\r\\n ([\\x{DC00}-\\x{DFFF}])");

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

  /**
   * The whole calendar, events by date; {@code stamp} (the service's clock) is every event's
   * DTSTAMP. Written with ical4j's model and its outputter, which escapes TEXT values, folds the
   * lines and ends each with CRLF.
   */
  static String write(String name, List<Event> events, Instant stamp) {
    Calendar calendar = new Calendar();
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(new ProdId(PRODUCT_ID));
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(new XProperty("X-WR-CALNAME", plainText(name)));
    // a hint to subscribing clients: fetch again every hour, so that a moved date shows
    calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH));
    calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
    DtStamp dtstamp = new DtStamp(stamp.truncatedTo(ChronoUnit.SECONDS));
    events.stream()
        .sorted(Comparator.comparing(Event::start).thenComparing(Event::uid))
        .forEach(event -> calendar.add(vevent(event, dtstamp)));
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException | ValidationException unexpected) {
      // a StringWriter does not fail, and a calendar that is not validated is not refused
      throw new IllegalStateException("iCalendar output failed", unexpected);
    }
    return keepSurrogatePairsWhole(out.toString());
  }

  private static VEvent vevent(Event event, DtStamp dtstamp) {
    VEvent vevent = new VEvent(false);
    vevent.add(new Uid(plainText(event.uid())));
    vevent.add(dtstamp);
    vevent.add(new DtStart<>(event.start().truncatedTo(ChronoUnit.SECONDS)));
    vevent.add(new net.fortuna.ical4j.model.property.Duration(DURATION));
    vevent.add(new Summary(plainText(event.summary())));
    if (event.description() != null) {
      vevent.add(new Description(plainText(event.description())));
    }
    // a date to know of, not time taken
    vevent.add(ImmutableTransp.TRANSPARENT);
    return vevent;
  }

  /**
   * What a TEXT value may hold (RFC 5545 3.3.11), before ical4j escapes it: every line break
   * (CRLF, CR or LF) one LF, which ical4j writes as {@code \n}, and other control characters
   * left out. ical4j 4.1.1 writes a bare CR and control characters as they are, and a bare CR
   * ends a content line for many readers: a title could then start a property of its own.
   */
  static String plainText(String value) {
    return CONTROL_CHARACTERS.matcher(LINE_BREAKS.matcher(value).replaceAll("\n")).replaceAll("");
  }

  /**
   * ical4j 4.1.1 folds after 73 UTF-16 characters and can so put the fold between the two
   * halves of a character outside the BMP (an emoji), which then cannot be encoded as UTF-8
   * (ical4j issue 800; 4.1.1 does not have the fix): such a fold is moved before the character.
   */
  private static String keepSurrogatePairsWhole(String ics) {
    return SPLIT_PAIR.matcher(ics).replaceAll("\r\n $1$2");
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
