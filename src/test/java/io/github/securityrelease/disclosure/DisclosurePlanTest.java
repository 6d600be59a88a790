package io.github.securityrelease.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.securityrelease.release.BusinessCalendar;
import io.github.securityrelease.release.CalendarProperties;
import io.github.securityrelease.release.ReleaseCalendar;
import io.github.securityrelease.release.ReleaseProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DisclosurePlanTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z"); // a Wednesday

  private final DisclosurePlan plan = disclosurePlan(
      List.of(LocalDate.parse("2026-12-11"), LocalDate.parse("2026-12-24"), LocalDate.parse("2027-03-05")),
      List.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")));

  @Test
  @DisplayName("R14 R16 the advance notice 7 days before the disclosure, the release notice 24 hours before the release")
  void noticeDates() {
    Plan p = plan.plan(Instant.parse("2026-12-16T15:00:00Z"), Instant.parse("2026-12-15T15:00:00Z"), false, null, NOW);
    assertThat(p.advanceNoticeAt()).isEqualTo(Instant.parse("2026-12-09T15:00:00Z"));
    assertThat(p.releaseNoticeAt()).isEqualTo(Instant.parse("2026-12-14T15:00:00Z"));
    assertThat(p.shortEmbargo()).isFalse();
    assertThat(p.advanceNoticeLeadTime()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  @DisplayName("by default the release is the disclosure")
  void releaseDefaultsToDisclosure() {
    Plan p = plan.plan(Instant.parse("2026-12-16T15:00:00Z"), null, false, null, NOW);
    assertThat(p.releaseAt()).isEqualTo(p.publicDisclosureAt());
    assertThat(p.releaseNoticeAt()).isEqualTo(Instant.parse("2026-12-15T15:00:00Z"));
  }

  @Test
  @DisplayName("R14 a disclosure less than 7 days away is refused without the fast track or a reason")
  void shortEmbargoRefused() {
    Instant inFiveDays = NOW.plus(Duration.ofDays(5));
    assertThatThrownBy(() -> plan.plan(inFiveDays, null, false, " ", NOW))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("7 days")
        .extracting(e -> ((InvalidPlanException) e).field()).isEqualTo("shortEmbargoReason");
  }

  @Test
  @DisplayName("R14 R3 with a reason or on the fast track a short embargo is allowed: the advance notice goes out at once")
  void shortEmbargoAllowed() {
    Instant inFiveDays = NOW.plus(Duration.ofDays(5));
    Plan explained = plan.plan(inFiveDays, null, false, "Exploited in the wild", NOW);
    assertThat(explained.shortEmbargo()).isTrue();
    assertThat(explained.advanceNoticeAt()).isEqualTo(NOW);
    assertThat(explained.advanceNoticeLeadTime()).isEqualTo(Duration.ofDays(5));
    Plan fastTrack = plan.plan(NOW.plus(Duration.ofHours(6)), null, true, null, NOW);
    assertThat(fastTrack.advanceNoticeAt()).isEqualTo(NOW);
    assertThat(fastTrack.releaseNoticeAt()).isEqualTo(NOW);
  }

  @Test
  @DisplayName("R16 a release less than 24 hours away needs the same reason")
  void shortReleaseNoticeRefused() {
    Instant disclosure = NOW.plus(Duration.ofDays(10));
    assertThatThrownBy(() -> plan.plan(disclosure, NOW.plus(Duration.ofHours(12)), false, null, NOW))
        .isInstanceOf(InvalidPlanException.class);
  }

  @Test
  void impossiblePlansAreRefused() {
    assertThatThrownBy(() -> plan.plan(null, null, false, null, NOW)).hasMessageContaining("required");
    assertThatThrownBy(() -> plan.plan(NOW.minus(Duration.ofDays(1)), null, true, null, NOW))
        .hasMessageContaining("future");
    assertThatThrownBy(() -> plan.plan(NOW.plus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(11)), false, null, NOW))
        .extracting(e -> ((InvalidPlanException) e).field()).isEqualTo("releaseAt");
  }

  @Test
  @DisplayName("R11 out of band: proposed about three weeks out, on a business day at the announcement time")
  void proposeOutOfBand() {
    // 25 Nov + 21 days = Wed 16 Dec, 15:00 UTC
    assertThat(plan.proposeDisclosure("OUT_OF_BAND", false, NOW)).isEqualTo(Instant.parse("2026-12-16T15:00:00Z"));
  }

  @Test
  @DisplayName("R20 next patch: the next scheduled patch release that leaves 7 days, holidays skipped")
  void proposeNextPatch() {
    assertThat(plan.proposeDisclosure("NEXT_PATCH", false, NOW)).isEqualTo(Instant.parse("2026-12-11T15:00:00Z"));
    // after 4 Dec the 11 Dec release leaves less than 7 days; 24 Dec is a holiday: 5 Mar
    assertThat(plan.proposeDisclosure("NEXT_PATCH", false, Instant.parse("2026-12-05T10:00:00Z")))
        .isEqualTo(Instant.parse("2027-03-05T15:00:00Z"));
  }

  @Test
  @DisplayName("R3 a fast-tracked case: as soon as the distributors can get their 24 hours")
  void proposeFastTrack() {
    assertThat(plan.proposeDisclosure("OUT_OF_BAND", true, NOW)).isEqualTo(Instant.parse("2026-11-26T15:00:00Z"));
  }

  private static DisclosurePlan disclosurePlan(List<LocalDate> schedule, List<LocalDate> holidays) {
    CalendarProperties calendar = new CalendarProperties(ZoneId.of("UTC"), holidays);
    BusinessCalendar businessDays = new BusinessCalendar(calendar);
    ReleaseCalendar releases = new ReleaseCalendar(
        new ReleaseProperties(List.of("release-0.6"), schedule, LocalTime.of(15, 0)), calendar, businessDays);
    return new DisclosurePlan(businessDays, releases);
  }
}
