package io.github.securityrelease.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  private final BusinessCalendar berlin = new BusinessCalendar(new CalendarProperties(ZoneId.of("Europe/Berlin"),
      List.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28"))));

  @ParameterizedTest(name = "R2 business days: 2 after {0} is {1}")
  @CsvSource({
      // Tuesday 10:00 local -> Thursday 10:00
      "2026-11-24T09:00:00Z, 2026-11-26T09:00:00Z",
      // Friday 15:00 local -> Tuesday 15:00 (the weekend does not count)
      "2026-11-20T14:00:00Z, 2026-11-24T14:00:00Z",
      // Saturday -> counts from Monday 00:00 local -> Wednesday 00:00 local
      "2026-11-21T10:00:00Z, 2026-11-24T23:00:00Z",
      // Wednesday 23 Dec 12:00 local -> 24, 25 holidays, weekend, 28 holiday -> Tue 29, Wed 30 12:00
      "2026-12-23T11:00:00Z, 2026-12-30T11:00:00Z",
      // Friday 27 Mar 2026 09:00 CET -> Tuesday 31 Mar 09:00 CEST (summer time began on the Sunday)
      "2026-03-27T08:00:00Z, 2026-03-31T07:00:00Z",
  })
  @DisplayName("R2 business days are counted in the team's zone, weekends and configured holidays skipped")
  void twoBusinessDays(Instant reportedAt, Instant expected) {
    assertThat(berlin.addBusinessDays(reportedAt, 2)).isEqualTo(expected);
  }

  @Test
  @DisplayName("R2 a configured holiday is no business day; weekends never are")
  void businessDays() {
    assertThat(berlin.isBusinessDay(LocalDate.parse("2026-12-24"))).isFalse();
    assertThat(berlin.isBusinessDay(LocalDate.parse("2026-11-28"))).isFalse();
    assertThat(berlin.isBusinessDay(LocalDate.parse("2026-11-27"))).isTrue();
  }

  @Test
  void describesAnInstantInUtcAndTheTeamsZone() {
    assertThat(berlin.describe(Instant.parse("2026-11-26T09:00:00Z")))
        .isEqualTo("Thu 26 Nov 2026 09:00 UTC (Thu 26 Nov 2026 10:00 Europe/Berlin)");
    BusinessCalendar utc = new BusinessCalendar(new CalendarProperties(ZoneId.of("UTC"), List.of()));
    assertThat(utc.describe(Instant.parse("2026-11-26T09:00:00Z"))).isEqualTo("Thu 26 Nov 2026 09:00 UTC");
  }
}
