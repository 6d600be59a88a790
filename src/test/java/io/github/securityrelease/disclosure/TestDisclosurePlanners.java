package io.github.securityrelease.disclosure;

import io.github.securityrelease.cases.BusinessCalendar;
import io.github.securityrelease.cases.CalendarProperties;
import io.github.securityrelease.release.ReleaseCalendar;
import io.github.securityrelease.release.ReleaseProperties;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** A real disclosure plan without Spring, on UTC with no holidays, for the bare-engine tests. */
public final class TestDisclosurePlanners {

  private TestDisclosurePlanners() {}

  public static DisclosurePlanner create() {
    CalendarProperties calendar = new CalendarProperties(ZoneId.of("UTC"), List.of());
    BusinessCalendar businessDays = new BusinessCalendar(calendar);
    return new DisclosurePlanner(businessDays, new ReleaseCalendar(
        new ReleaseProperties(List.of("release-0.6", "release-0.5", "release-0.4"), List.of(), LocalTime.of(15, 0)),
        calendar, businessDays), DisclosureProperties.defaults());
  }
}
