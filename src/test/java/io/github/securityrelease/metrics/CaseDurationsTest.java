package io.github.securityrelease.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseDurationsTest {

  private static final Instant REPORTED = Instant.parse("2026-11-20T15:00:00Z");
  private static final String SECONDS = "security_release_case_duration_seconds";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final CaseDurations durations = new CaseDurations(registry);

  @Test
  @DisplayName("the time to a milestone lands in day buckets (1, 2, 7, 14 ... days), by milestone and severity")
  void histogramWithDayBuckets() {
    durations.record(Milestone.ACKNOWLEDGED, "SEC-2026-0001", REPORTED, REPORTED.plus(Duration.ofHours(30)), null);
    durations.record(Milestone.FIX_APPROVED, "SEC-2026-0001", REPORTED, REPORTED.plus(Duration.ofDays(8)), "HIGH");
    durations.record(Milestone.FIX_APPROVED, "SEC-2026-0002", REPORTED, REPORTED.plus(Duration.ofDays(3)), "HIGH");

    Scrape scrape = Scrape.parse(registry.scrape());
    assertThat(scrape.value(SECONDS + "_count", "milestone", "acknowledged", "severity", "UNSCORED")).isEqualTo(1);
    assertThat(scrape.value(SECONDS + "_sum", "milestone", "acknowledged", "severity", "UNSCORED"))
        .isCloseTo(30 * 3600, within(0.001));
    assertThat(scrape.value(SECONDS + "_bucket", "milestone", "acknowledged", "le", "86400.0")).isZero();
    assertThat(scrape.value(SECONDS + "_bucket", "milestone", "acknowledged", "le", "172800.0")).isEqualTo(1);

    assertThat(scrape.value(SECONDS + "_count", "milestone", "fix_approved", "severity", "HIGH")).isEqualTo(2);
    assertThat(scrape.value(SECONDS + "_bucket", "milestone", "fix_approved", "le", "604800.0")).as("within 7 days")
        .isEqualTo(1);
    assertThat(scrape.value(SECONDS + "_bucket", "milestone", "fix_approved", "le", "1209600.0")).isEqualTo(2);
    assertThat(scrape.matching(SECONDS + "_bucket", "milestone", "fix_approved")).extracting(s -> s.labels().get("le"))
        .containsExactly("86400.0", "172800.0", "604800.0", "1209600.0", "2592000.0", "7776000.0", "+Inf");
  }

  @ParameterizedTest(name = "severity {0} is tagged {1}")
  @CsvSource({"NONE, NONE", "LOW, LOW", "MEDIUM, MEDIUM", "HIGH, HIGH", "CRITICAL, CRITICAL", "high, UNSCORED",
      "'', UNSCORED", "'<script>', UNSCORED"})
  void severityTagIsBounded(String severity, String tag) {
    assertThat(CaseDurations.severityTag(severity)).isEqualTo(tag);
  }

  @Test
  @DisplayName("no report time, or a milestone before the report, records nothing")
  void nothingWithoutReportTime() {
    durations.record(Milestone.DISCLOSED, "SEC-2026-0001", null, REPORTED, "LOW");
    durations.record(Milestone.DISCLOSED, "SEC-2026-0001", REPORTED, REPORTED.minusSeconds(1), "LOW");

    assertThat(registry.find(CaseDurations.NAME).timers()).isEmpty();
  }
}
