package io.github.securityrelease.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.securityrelease.DefaultConfiguration;
import io.github.securityrelease.cases.BusinessCalendar;
import io.github.securityrelease.cases.CalendarProperties;
import io.github.securityrelease.release.ReleaseCalendar;
import io.github.securityrelease.release.ReleaseProperties;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The policy's numbers as the service computes them with nothing configured: each expected
 * date is written out, so that a change of the number in the code fails here.
 */
class PolicyDeadlinesTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z"); // a Monday
  private static final Duration SECOND = Duration.ofSeconds(1);

  private final DisclosurePlanner planner = defaultPlanner();

  @ParameterizedTest(name = "R2 reported {0} -> acknowledged by {1}")
  @CsvSource({
      "2026-11-23T10:00:00Z, 2026-11-25T10:00:00Z", // Monday -> Wednesday
      "2026-11-24T16:30:00Z, 2026-11-26T16:30:00Z", // Tuesday -> Thursday
      "2026-11-26T10:00:00Z, 2026-11-30T10:00:00Z", // Thursday -> Monday
      "2026-11-27T10:00:00Z, 2026-12-01T10:00:00Z", // Friday -> Tuesday: the weekend does not count
      "2026-11-28T10:00:00Z, 2026-12-02T00:00:00Z", // Saturday counts from Monday 00:00 -> Wednesday 00:00
  })
  @DisplayName("R2 by default the acknowledgement is due 2 business days after the report")
  void acknowledgementTwoBusinessDays(Instant reportedAt, Instant dueBy) {
    assertThat(planner.acknowledgementDueBy(reportedAt)).isEqualTo(dueBy);
  }

  @ParameterizedTest(name = "R8 reported {0} -> fix due by {1}")
  @CsvSource({
      "2026-11-23T10:00:00Z, 2026-11-30T10:00:00Z", // Monday -> the next Monday
      "2026-11-27T10:00:00Z, 2026-12-04T10:00:00Z", // Friday -> Friday: calendar days, the weekend counts
  })
  @DisplayName("R8 the fix is due 7 calendar days after the report")
  void fixSevenDays(Instant reportedAt, Instant dueBy) {
    assertThat(planner.fixDueBy(reportedAt)).isEqualTo(dueBy);
  }

  private static final Duration MARGIN = Duration.ofHours(1);

  @Test
  @DisplayName("R14 the advance notice goes out 7 days and the one-hour margin before the public disclosure")
  void advanceNoticeSevenDays() {
    DisclosurePlan p = planner.plan(Instant.parse("2026-12-16T15:00:00Z"), null, false, null, NOW);
    assertThat(p.advanceNoticeAt()).isEqualTo(Instant.parse("2026-12-09T14:00:00Z"));
    assertThat(p.advanceNoticeLeadTime()).isGreaterThanOrEqualTo(Duration.ofDays(7).plus(MARGIN));
    assertThat(p.shortEmbargo()).isFalse();
  }

  @Test
  @DisplayName("R14 a disclosure 7 days and the margin away is planned as usual; one second less is a short embargo")
  void advanceNoticeAtLeastSevenDays() {
    DisclosurePlan sevenDays = planner.plan(NOW.plus(Duration.ofDays(7)).plus(MARGIN), null, false, null, NOW);
    assertThat(sevenDays.advanceNoticeAt()).isEqualTo(NOW);
    assertThat(sevenDays.shortEmbargo()).isFalse();

    Instant lessThanSevenDays = Instant.parse("2026-11-30T10:59:59Z");
    assertThatThrownBy(() -> planner.plan(lessThanSevenDays, null, false, null, NOW))
        .isInstanceOfSatisfying(InvalidPlanException.class,
            e -> assertThat(e.field()).isEqualTo("shortEmbargoReason"));
    DisclosurePlan explained = planner.plan(lessThanSevenDays, null, false, "Exploited in the wild", NOW);
    assertThat(explained.shortEmbargo()).isTrue();
    assertThat(explained.advanceNoticeAt()).as("at once").isEqualTo(NOW);
  }

  @Test
  @DisplayName("R16 the release notice goes out 24 hours and the one-hour margin before the release")
  void releaseNoticeTwentyFourHours() {
    DisclosurePlan p = planner.plan(Instant.parse("2026-12-16T15:00:00Z"), Instant.parse("2026-12-15T15:00:00Z"), false, null, NOW);
    assertThat(p.releaseNoticeAt()).isEqualTo(Instant.parse("2026-12-14T14:00:00Z"));
    assertThat(p.shortEmbargo()).isFalse();
  }

  @Test
  @DisplayName("R16 a release 24 hours and the margin away is planned as usual; one second less is a short embargo")
  void releaseNoticeAtLeastTwentyFourHours() {
    Instant disclosure = NOW.plus(Duration.ofDays(10));
    DisclosurePlan dayAhead = planner.plan(disclosure, Instant.parse("2026-11-24T11:00:00Z"), false, null, NOW);
    assertThat(dayAhead.releaseNoticeAt()).isEqualTo(NOW);
    assertThat(dayAhead.shortEmbargo()).isFalse();

    Instant lessThanADay = Instant.parse("2026-11-24T11:00:00Z").minus(SECOND);
    assertThatThrownBy(() -> planner.plan(disclosure, lessThanADay, false, null, NOW))
        .isInstanceOfSatisfying(InvalidPlanException.class,
            e -> assertThat(e.field()).isEqualTo("shortEmbargoReason"));
    assertThat(planner.plan(disclosure, lessThanADay, true, null, NOW).shortEmbargo()).isTrue();
  }

  private static DisclosurePlanner defaultPlanner() {
    CalendarProperties calendar = DefaultConfiguration.bind("security-release.calendar", CalendarProperties.class);
    ReleaseProperties release = DefaultConfiguration.bind("security-release.release", ReleaseProperties.class);
    BusinessCalendar businessDays = new BusinessCalendar(calendar);
    DisclosureProperties disclosure = DefaultConfiguration.bind("security-release.disclosure", DisclosureProperties.class);
    return new DisclosurePlanner(businessDays, new ReleaseCalendar(release, calendar, businessDays), disclosure);
  }
}
