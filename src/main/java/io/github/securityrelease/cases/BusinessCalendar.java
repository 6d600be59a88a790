package io.github.securityrelease.cases;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Business days of the security team: no weekends, no configured holidays. */
@Component
public class BusinessCalendar {

  private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

  private final CalendarProperties properties;
  private final Set<LocalDate> holidays;

  public BusinessCalendar(CalendarProperties properties) {
    this.properties = properties;
    this.holidays = Set.copyOf(properties.holidays());
  }

  public boolean isBusinessDay(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
  }

  /**
   * The same local time of day, {@code days} business days after {@code from}. Something
   * that arrives on a weekend or holiday counts as arriving at the start of the next
   * business day, so the team always gets its full business days.
   */
  public Instant addBusinessDays(Instant from, int days) {
    ZonedDateTime start = from.atZone(properties.zone());
    if (!isBusinessDay(start.toLocalDate())) {
      start = nextBusinessDay(start.toLocalDate()).atStartOfDay(properties.zone());
    }
    LocalDate day = start.toLocalDate();
    for (int i = 0; i < days; i++) {
      day = nextBusinessDay(day);
    }
    return ZonedDateTime.of(day, start.toLocalTime(), properties.zone()).toInstant();
  }

  /** An instant as people read it in a message: in UTC and in the team's zone. */
  public String describe(Instant instant) {
    ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
    ZonedDateTime local = instant.atZone(properties.zone());
    String text = HUMAN.format(utc) + " UTC";
    return properties.zone().normalized().equals(ZoneOffset.UTC) ? text
        : text + " (" + HUMAN.format(local) + " " + properties.zone().getId() + ")";
  }

  private LocalDate nextBusinessDay(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isBusinessDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }
}
