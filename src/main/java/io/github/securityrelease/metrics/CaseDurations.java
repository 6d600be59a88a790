package io.github.securityrelease.metrics;

import io.github.securityrelease.assessment.Severity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code security.release.case.duration{milestone,severity}}: the time from a case's report to
 * each {@link Milestone}, recorded on the node where the milestone happens (so, in memory, per
 * node: sum the nodes' histograms for the cluster). Published as a histogram with the
 * policy's own limits as buckets: 1, 2, 7, 14, 30 and 90 days.
 */
@Component
class CaseDurations {

  static final String NAME = "security.release.case.duration";

  /** The severity tag of a case not assessed yet (every acknowledgement: assessment comes after). */
  static final String UNSCORED = "UNSCORED";

  static final Duration[] BUCKETS = {Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(14),
      Duration.ofDays(30), Duration.ofDays(90)};

  private static final Logger log = LoggerFactory.getLogger(CaseDurations.class);

  private static final Set<String> SEVERITIES = Arrays.stream(Severity.values()).map(Enum::name)
      .collect(Collectors.toUnmodifiableSet());

  private final MeterRegistry registry;

  CaseDurations(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Records that {@code caseId}, reported at {@code reportedAt}, reached {@code milestone} at
   * {@code at}. A case without a report time, or a time before it, is logged and left out.
   */
  void record(Milestone milestone, String caseId, Instant reportedAt, Instant at, Object severity) {
    if (reportedAt == null || at == null || at.isBefore(reportedAt)) {
      log.warn("Metrics: {} reached {} at {}, reported at {}: no duration recorded", caseId, milestone.tag(), at,
          reportedAt);
      return;
    }
    timer(milestone, severityTag(severity)).record(Duration.between(reportedAt, at));
  }

  Timer timer(Milestone milestone, String severity) {
    return Timer.builder(NAME)
        .description("Time from a case's report to a milestone: acknowledged, fix approved, disclosed (this node's)")
        .tag("milestone", milestone.tag())
        .tag("severity", severity)
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }

  /** One of {@link Severity}'s names, else {@value #UNSCORED}: the tag's values stay few. */
  static String severityTag(Object severity) {
    return severity != null && SEVERITIES.contains(severity.toString()) ? severity.toString() : UNSCORED;
  }
}
