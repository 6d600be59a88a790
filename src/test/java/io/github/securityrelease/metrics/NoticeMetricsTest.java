package io.github.securityrelease.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.notification.NotificationLedger;
import io.github.securityrelease.notification.NotificationStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NoticeMetricsTest {

  private final NotificationLedger ledger = mock(NotificationLedger.class);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  @DisplayName("deadlines missed are the cases with the team's overdue alert on record, whatever its delivery")
  void deadlinesMissed() {
    when(ledger.countByKindAndStatus()).thenReturn(Map.of());
    when(ledger.casesByKind()).thenReturn(Map.of(
        NotificationKind.ACKNOWLEDGEMENT_OVERDUE_ALERT, 3L,
        NotificationKind.FIX_OVERDUE_ALERT, 1L,
        NotificationKind.REPORT_RECEIPT, 40L));
    new NoticeMetrics(ledger, new MetricsProperties(Duration.ofSeconds(10))).bindTo(registry);

    assertThat(registry.get(NoticeMetrics.DEADLINES_MISSED).tag("rule", "R2").gauge().value()).isEqualTo(3);
    assertThat(registry.get(NoticeMetrics.DEADLINES_MISSED).tag("rule", "R8").gauge().value()).isEqualTo(1);
    assertThat(registry.get(NoticeMetrics.DEADLINES_MISSED).gauges()).hasSize(2);
  }

  @Test
  @DisplayName("one gauge per kind and status, 0 where the ledger has none, all from one read per scrape")
  void noticesByKindAndStatus() {
    when(ledger.countByKindAndStatus()).thenReturn(Map.of(
        NotificationKind.ACKNOWLEDGEMENT, Map.of(NotificationStatus.SENT, 5L, NotificationStatus.FAILED, 2L)));
    when(ledger.casesByKind()).thenReturn(Map.of());
    new NoticeMetrics(ledger, new MetricsProperties(Duration.ofSeconds(10))).bindTo(registry);

    assertThat(registry.get(NoticeMetrics.NOTICES).gauges())
        .hasSize(NotificationKind.values().length * NotificationStatus.values().length);
    assertThat(notices("ACKNOWLEDGEMENT", "SENT")).isEqualTo(5);
    assertThat(notices("ACKNOWLEDGEMENT", "FAILED")).isEqualTo(2);
    assertThat(notices("ACKNOWLEDGEMENT", "PENDING")).isZero();
    assertThat(notices("PUBLIC_ANNOUNCEMENT", "SENT")).isZero();
    verify(ledger, times(1)).countByKindAndStatus();
  }

  private double notices(String kind, String status) {
    return registry.get(NoticeMetrics.NOTICES).tags("kind", kind, "status", status).gauge().value();
  }
}
