package io.github.securityrelease.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.securityrelease.cases.BusinessCalendar;
import io.github.securityrelease.cases.CalendarProperties;
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

class DisclosurePlannerTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z"); // a Wednesday

  private final DisclosurePlanner planner = plannerWith(
      List.of(LocalDate.parse("2026-12-11"), LocalDate.parse("2026-12-24"), LocalDate.parse("2027-03-05")),
      List.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")));

  private static final Duration MARGIN = Duration.ofHours(1);

  @Test
  @DisplayName("R14 R16 the advance notice 7 days and the margin before the disclosure, the release notice 24 hours and the margin before the release")
  void noticeDates() {
    DisclosurePlan p = planner.plan(Instant.parse("2026-12-16T15:00:00Z"), Instant.parse("2026-12-15T15:00:00Z"), false, null, NOW);
    assertThat(p.advanceNoticeAt()).isEqualTo(Instant.parse("2026-12-09T14:00:00Z"));
    assertThat(p.releaseNoticeAt()).isEqualTo(Instant.parse("2026-12-14T14:00:00Z"));
    assertThat(p.shortEmbargo()).isFalse();
    assertThat(p.advanceNoticeLeadTime()).isGreaterThanOrEqualTo(Duration.ofDays(7).plus(MARGIN));
  }

  @Test
  @DisplayName("R14 R16 a plan entered with seconds keeps them: the leads are 7 days and 24 hours and the margin, to the second")
  void secondsKept() {
    Instant disclosure = Instant.parse("2026-12-16T15:00:37.900Z");
    DisclosurePlan p = planner.plan(disclosure, null, false, null, NOW);
    assertThat(p.publicDisclosureAt()).isEqualTo(Instant.parse("2026-12-16T15:00:37Z"));
    assertThat(Duration.between(p.advanceNoticeAt(), p.publicDisclosureAt())).isEqualTo(Duration.ofDays(7).plus(MARGIN));
    assertThat(Duration.between(p.releaseNoticeAt(), p.releaseAt())).isEqualTo(Duration.ofHours(24).plus(MARGIN));
    PlanDates dates = new PlanDates(new CalendarProperties(ZoneId.of("Europe/Berlin"), List.of()), null);
    assertThat(dates.forForm(p.publicDisclosureAt())).isEqualTo("2026-12-16T16:00:37+01:00");
    assertThat(PlanDates.parse(dates.forForm(p.publicDisclosureAt()), "publicDisclosureAt"))
        .as("what the case keeps reads back to the same second").isEqualTo(p.publicDisclosureAt());
    assertThat(dates.forForm(Instant.parse("2026-12-16T14:00:00Z"))).isEqualTo("2026-12-16T15:00+01:00");
  }

  @Test
  @DisplayName("R14 the advance notice may go earlier, as the timeline's 1-4 weeks suggest; never under 7 days and the margin")
  void earlierAdvanceNotice() {
    Instant disclosure = Instant.parse("2026-12-16T15:00:00Z");
    assertThat(planner.plan(disclosure, null, 14, false, null, NOW).advanceNoticeAt())
        .isEqualTo(Instant.parse("2026-12-02T15:00:00Z"));
    assertThat(planner.plan(disclosure, null, 7, false, null, NOW).advanceNoticeAt())
        .isEqualTo(Instant.parse("2026-12-09T14:00:00Z"));
    assertThat(planner.plan(disclosure, null, 28, false, null, NOW).advanceNoticeAt()).as("no earlier than now")
        .isEqualTo(NOW);
    assertThatThrownBy(() -> planner.plan(disclosure, null, 6, false, null, NOW))
        .extracting(e -> ((InvalidPlanException) e).field()).isEqualTo("advanceNoticeDays");
    assertThat(planner.proposedAdvanceNoticeDays()).isEqualTo(14);
  }

  @Test
  @DisplayName("R14 R16 the notice margin is at least 30 minutes, one hour by default")
  void marginEnforced() {
    assertThat(DisclosureProperties.defaults().noticeMargin()).isEqualTo(MARGIN);
    assertThatThrownBy(() -> new DisclosureProperties(Duration.ofMinutes(29), 14))
        .hasMessageContaining("notice-margin");
    assertThatThrownBy(() -> new DisclosureProperties(MARGIN, 6)).hasMessageContaining("advance-notice-days");
  }

  @Test
  @DisplayName("by default the release is the disclosure")
  void releaseDefaultsToDisclosure() {
    DisclosurePlan p = planner.plan(Instant.parse("2026-12-16T15:00:00Z"), null, false, null, NOW);
    assertThat(p.releaseAt()).isEqualTo(p.publicDisclosureAt());
    assertThat(p.releaseNoticeAt()).isEqualTo(Instant.parse("2026-12-15T14:00:00Z"));
  }

  @Test
  @DisplayName("R9 a low-severity or low-risk case may be deferred past the track's date, with its reason")
  void deferralAllowedWithReason() {
    // out of band: proposed 16 Dec; two weeks more is the team's choice of a day
    assertThat(planner.deferralFrom("OUT_OF_BAND", false, NOW)).isEqualTo(Instant.parse("2026-12-30T15:00:00Z"));
    Instant onTime = Instant.parse("2026-12-30T15:00:00Z");
    Instant deferred = Instant.parse("2027-01-20T15:00:00Z");
    assertThat(planner.deferred(onTime, "OUT_OF_BAND", false, false, null, NOW)).isFalse();
    assertThat(planner.deferred(deferred, "OUT_OF_BAND", false, true, "Holiday freeze, half the team away", NOW)).isTrue();
    assertThatThrownBy(() -> planner.deferred(deferred, "OUT_OF_BAND", false, true, " ", NOW))
        .extracting(e -> ((InvalidPlanException) e).field()).isEqualTo("deferralReason");
  }

  @Test
  @DisplayName("R9 a case that may not be deferred is refused a deferral, with or without a reason")
  void deferralRefused() {
    Instant deferred = Instant.parse("2027-01-20T15:00:00Z");
    assertThatThrownBy(() -> planner.deferred(deferred, "OUT_OF_BAND", false, false, null, NOW))
        .hasMessageContaining("R9")
        .extracting(e -> ((InvalidPlanException) e).field()).isEqualTo("publicDisclosureAt");
    assertThatThrownBy(() -> planner.deferred(Instant.parse("2026-12-16T15:00:00Z"), "OUT_OF_BAND", false, false,
        "Bandwidth", NOW)).extracting(e -> ((InvalidPlanException) e).field()).isEqualTo("deferralReason");
  }

  @Test
  @DisplayName("R11 with no patch release scheduled, a next-patch case is proposed as out of band, and that is said")
  void noPatchSchedule() {
    DisclosurePlanner unscheduled = plannerWith(List.of(), List.of());
    assertThat(unscheduled.scheduledPatchRelease(NOW)).isEmpty();
    assertThat(planner.scheduledPatchRelease(NOW)).contains(Instant.parse("2026-12-11T15:00:00Z"));
    assertThat(unscheduled.proposeDisclosure("NEXT_PATCH", false, NOW)).isEqualTo(Instant.parse("2026-12-16T15:00:00Z"));
  }

  @Test
  @DisplayName("R14 a disclosure less than 7 days away is refused without the fast track or a reason")
  void shortEmbargoRefused() {
    Instant inFiveDays = NOW.plus(Duration.ofDays(5));
    assertThatThrownBy(() -> planner.plan(inFiveDays, null, false, " ", NOW))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("7 days")
        .extracting(e -> ((InvalidPlanException) e).field()).isEqualTo("shortEmbargoReason");
  }

  @Test
  @DisplayName("R14 R3 with a reason or on the fast track a short embargo is allowed: the advance notice goes out at once")
  void shortEmbargoAllowed() {
    Instant inFiveDays = NOW.plus(Duration.ofDays(5));
    DisclosurePlan explained = planner.plan(inFiveDays, null, false, "Exploited in the wild", NOW);
    assertThat(explained.shortEmbargo()).isTrue();
    assertThat(explained.advanceNoticeAt()).isEqualTo(NOW);
    assertThat(explained.advanceNoticeLeadTime()).isEqualTo(Duration.ofDays(5));
    DisclosurePlan withinMargin = planner.plan(NOW.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(59)), null, false, "Exploited",
        NOW);
    assertThat(withinMargin.shortEmbargo()).as("7 days but not the margin").isTrue();
    DisclosurePlan fastTrack = planner.plan(NOW.plus(Duration.ofHours(6)), null, true, null, NOW);
    assertThat(fastTrack.advanceNoticeAt()).isEqualTo(NOW);
    assertThat(fastTrack.releaseNoticeAt()).isEqualTo(NOW);
  }

  @Test
  @DisplayName("R16 a release less than 24 hours away needs the same reason")
  void shortReleaseNoticeRefused() {
    Instant disclosure = NOW.plus(Duration.ofDays(10));
    assertThatThrownBy(() -> planner.plan(disclosure, NOW.plus(Duration.ofHours(12)), false, null, NOW))
        .isInstanceOf(InvalidPlanException.class);
  }

  @Test
  void impossiblePlansAreRefused() {
    assertThatThrownBy(() -> planner.plan(null, null, false, null, NOW)).hasMessageContaining("required");
    assertThatThrownBy(() -> planner.plan(NOW.minus(Duration.ofDays(1)), null, true, null, NOW))
        .hasMessageContaining("future");
    assertThatThrownBy(() -> planner.plan(NOW.plus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(11)), false, null, NOW))
        .extracting(e -> ((InvalidPlanException) e).field()).isEqualTo("releaseAt");
  }

  @Test
  @DisplayName("R11 out of band: proposed about three weeks out, on a business day at the announcement time")
  void proposeOutOfBand() {
    // 25 Nov + 21 days = Wed 16 Dec, 15:00 UTC
    assertThat(planner.proposeDisclosure("OUT_OF_BAND", false, NOW)).isEqualTo(Instant.parse("2026-12-16T15:00:00Z"));
  }

  @Test
  @DisplayName("R20 next patch: the next scheduled patch release that leaves 7 days, holidays skipped")
  void proposeNextPatch() {
    assertThat(planner.proposeDisclosure("NEXT_PATCH", false, NOW)).isEqualTo(Instant.parse("2026-12-11T15:00:00Z"));
    // after 4 Dec the 11 Dec release leaves less than 7 days; 24 Dec is a holiday: 5 Mar
    assertThat(planner.proposeDisclosure("NEXT_PATCH", false, Instant.parse("2026-12-05T10:00:00Z")))
        .isEqualTo(Instant.parse("2027-03-05T15:00:00Z"));
  }

  @Test
  @DisplayName("R3 a fast-tracked case: as soon as the distributors can get their 24 hours")
  void proposeFastTrack() {
    assertThat(planner.proposeDisclosure("OUT_OF_BAND", true, NOW)).isEqualTo(Instant.parse("2026-11-26T15:00:00Z"));
  }

  private static DisclosurePlanner plannerWith(List<LocalDate> schedule, List<LocalDate> holidays) {
    CalendarProperties calendar = new CalendarProperties(ZoneId.of("UTC"), holidays);
    BusinessCalendar businessDays = new BusinessCalendar(calendar);
    ReleaseCalendar releases = new ReleaseCalendar(
        new ReleaseProperties(List.of("release-0.6"), schedule, LocalTime.of(15, 0)), calendar, businessDays);
    return new DisclosurePlanner(businessDays, releases, DisclosureProperties.defaults());
  }
}
