package io.github.securityrelease.release;

import io.github.securityrelease.cases.BusinessCalendar;
import io.github.securityrelease.cases.CalendarProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** When releases can happen: the patch schedule, business days, the announcement time (R20). */
@Component
public class ReleaseCalendar {

  private final ReleaseProperties release;
  private final CalendarProperties calendar;
  private final BusinessCalendar businessDays;

  public ReleaseCalendar(ReleaseProperties release, CalendarProperties calendar, BusinessCalendar businessDays) {
    this.release = release;
    this.calendar = calendar;
    this.businessDays = businessDays;
  }

  /** The first scheduled patch release on or after {@code earliest} that is no holiday. */
  public Optional<Instant> nextPatchRelease(Instant earliest) {
    return release.patchSchedule().stream()
        .filter(businessDays::isBusinessDay)
        .map(this::atAnnouncementTime)
        .filter(date -> !date.isBefore(earliest))
        .findFirst();
  }

  /** The first business day at announcement time on or after {@code earliest}. */
  public Instant firstBusinessDayFrom(Instant earliest) {
    LocalDate day = earliest.atZone(calendar.zone()).toLocalDate();
    while (!businessDays.isBusinessDay(day) || atAnnouncementTime(day).isBefore(earliest)) {
      day = day.plusDays(1);
    }
    return atAnnouncementTime(day);
  }

  public List<String> branches() {
    return release.branches();
  }

  private Instant atAnnouncementTime(LocalDate day) {
    return ZonedDateTime.of(day, release.announcementTime(), calendar.zone()).toInstant();
  }
}
