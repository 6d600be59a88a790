package io.github.securityrelease.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MilestoneListenerTest {

  private static final Instant REPORTED = Instant.parse("2026-11-20T15:00:00Z");
  private static final Instant NOW = REPORTED.plus(Duration.ofDays(9));

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  @DisplayName("the time from the report to the disclosure, by the engine clock, tagged with the case's severity")
  void recordsTimeFromReport() {
    DelegateExecution execution = execution(Date.from(REPORTED), "CRITICAL");

    listener(Milestone.DISCLOSED).notify(execution);

    Timer timer = registry.get(CaseDurations.NAME).tags("milestone", "disclosed", "severity", "CRITICAL").timer();
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.totalTime(TimeUnit.SECONDS)).isEqualTo(Duration.ofDays(9).toSeconds());
  }

  @Test
  @DisplayName("a cancelled element (a deleted case) reached no milestone")
  void cancelledIsNoMilestone() {
    DelegateExecution execution = execution(Date.from(REPORTED), null);
    when(execution.isCanceled()).thenReturn(true);

    listener(Milestone.ACKNOWLEDGED).notify(execution);

    assertThat(registry.find(CaseDurations.NAME).timers()).isEmpty();
  }

  @Test
  @DisplayName("whatever fails in the recording, the case goes on: nothing is thrown")
  void neverFailsTheCase() {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getProcessBusinessKey()).thenReturn("SEC-2026-0001");
    when(execution.getVariable("reportedAt")).thenThrow(new IllegalStateException("variable store down"));
    DelegateExecution badDate = execution("not a date", null);

    assertThatCode(() -> listener(Milestone.FIX_APPROVED).notify(execution)).doesNotThrowAnyException();
    assertThatCode(() -> listener(Milestone.FIX_APPROVED).notify(badDate)).doesNotThrowAnyException();
    assertThat(registry.find(CaseDurations.NAME).timers()).isEmpty();
  }

  @Test
  @DisplayName("a report time kept as ISO-8601 text counts as well")
  void isoText() {
    listener(Milestone.FIX_APPROVED).notify(execution("2026-11-20T16:00:00+01:00", "LOW"));

    assertThat(registry.get(CaseDurations.NAME).tags("milestone", "fix_approved", "severity", "LOW").timer()
        .totalTime(TimeUnit.SECONDS)).isEqualTo(Duration.ofDays(9).toSeconds());
  }

  private MilestoneListener listener(Milestone milestone) {
    return new MilestoneListener(milestone, new CaseDurations(registry), clock);
  }

  private static DelegateExecution execution(Object reportedAt, String severity) {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getProcessBusinessKey()).thenReturn("SEC-2026-0001");
    when(execution.getVariable("reportedAt")).thenReturn(reportedAt);
    when(execution.getVariable("severity")).thenReturn(severity);
    return execution;
  }
}
