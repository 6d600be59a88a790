package io.github.securityrelease.metrics;

import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.notification.NotificationLedger;
import io.github.securityrelease.notification.NotificationStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * From the notification ledger, counted when scraped (at most once per
 * {@code security-release.metrics.cache-ttl}): durable across restarts, the same on every node.
 * <ul>
 *   <li>{@code security.release.notices{kind,status}}: the notices of each kind in each status;
 *   <li>{@code security.release.deadlines.missed{rule}}: the cases whose deadline passed, by
 *       the alert the team got: R2 (acknowledgement within 2 business days,
 *       {@code ACKNOWLEDGEMENT_OVERDUE_ALERT}) and R8 (fix within 7 days, {@code FIX_OVERDUE_ALERT}).
 * </ul>
 */
@Component
class NoticeMetrics implements MeterBinder {

  static final String NOTICES = "security.release.notices";
  static final String DEADLINES_MISSED = "security.release.deadlines.missed";

  /** The policy rule of each deadline, and the alert the team gets when it passes. */
  static final Map<String, NotificationKind> DEADLINE_ALERTS = Map.of(
      "R2", NotificationKind.ACKNOWLEDGEMENT_OVERDUE_ALERT,
      "R8", NotificationKind.FIX_OVERDUE_ALERT);

  private final ExpiringValue<Map<NotificationKind, Map<NotificationStatus, Long>>> notices;
  private final ExpiringValue<Map<NotificationKind, Long>> cases;

  NoticeMetrics(NotificationLedger ledger, MetricsProperties properties) {
    this.notices = new ExpiringValue<>("the ledger's notices", properties.cacheTtl(), ledger::countByKindAndStatus,
        Map.of());
    this.cases = new ExpiringValue<>("the ledger's cases", properties.cacheTtl(), ledger::casesByKind, Map.of());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (NotificationKind kind : NotificationKind.values()) {
      for (NotificationStatus status : NotificationStatus.values()) {
        Gauge.builder(NOTICES, notices, value -> value.get().getOrDefault(kind, Map.of()).getOrDefault(status, 0L))
            .description("Notices in the ledger by kind and status (the whole cluster's, from the database)")
            .tags("kind", kind.name(), "status", status.name())
            .register(registry);
      }
    }
    DEADLINE_ALERTS.forEach((rule, alert) ->
        Gauge.builder(DEADLINES_MISSED, cases, value -> value.get().getOrDefault(alert, 0L))
            .description("Cases that missed a deadline of the policy, by rule: R2 acknowledgement, R8 fix "
                + "(cases with the team's alert in the ledger; the whole cluster's)")
            .tag("rule", rule)
            .register(registry));
  }
}
