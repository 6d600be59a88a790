package io.github.securityrelease.metrics;

import static io.github.securityrelease.cases.CaseVariables.REPORTED_AT;
import static io.github.securityrelease.cases.CaseVariables.SEVERITY;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the time from the report to a {@link Milestone} when the case reaches it, by the
 * engine clock. Recorded once the engine's transaction commits, so that a step that is rolled
 * back (a refused form, a failed job that is retried) counts nothing; and never in the way of
 * the case: whatever goes wrong here is logged, not thrown.
 */
class MilestoneListener implements ExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(MilestoneListener.class);

  private final Milestone milestone;
  private final CaseDurations durations;
  private final Clock clock;

  MilestoneListener(Milestone milestone, CaseDurations durations, Clock clock) {
    this.milestone = milestone;
    this.durations = durations;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    try {
      if (execution.isCanceled()) {
        return; // the element was cancelled (the case deleted, say): the milestone was not reached
      }
      String caseId = execution.getProcessBusinessKey();
      Instant reportedAt = instant(execution.getVariable(REPORTED_AT));
      Object severity = execution.getVariable(SEVERITY);
      Instant at = clock.instant();
      afterCommit(() -> durations.record(milestone, caseId, reportedAt, at, severity));
    } catch (RuntimeException e) {
      log.warn("Metrics: the {} time of {} is not recorded", milestone.tag(), execution.getProcessBusinessKey(), e);
    }
  }

  private void afterCommit(Runnable recording) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      safely(recording);
      return;
    }
    command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> safely(recording));
  }

  private void safely(Runnable recording) {
    try {
      recording.run();
    } catch (RuntimeException e) {
      log.warn("Metrics: the {} time is not recorded", milestone.tag(), e);
    }
  }

  static Instant instant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof String text) {
      return OffsetDateTime.parse(text).toInstant();
    }
    return null;
  }
}
