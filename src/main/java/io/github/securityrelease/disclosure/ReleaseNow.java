package io.github.securityrelease.disclosure;

import static io.github.securityrelease.CaseVariables.*;

import io.github.securityrelease.notification.NotificationKind;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * R15: the embargo is broken and the team releases early: release and disclosure now (or on
 * the date the team set), the timers move, the distributors hear of it, and the breach stays
 * on record with the one who broke it (for R26).
 */
@Component("releaseNow")
class ReleaseNow implements JavaDelegate {

  private final DisclosurePlan plan;
  private final PlanDates dates;
  private final DistributorNotices notices;
  private final Clock clock;

  ReleaseNow(DisclosurePlan plan, PlanDates dates, DistributorNotices notices, Clock clock) {
    this.plan = plan;
    this.dates = dates;
    this.notices = notices;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = clock.instant();
    Instant at = PlanDates.instant(execution, RELEASE_NOW_AT);
    Instant disclosure = at == null || at.isBefore(now) ? now.plusSeconds(60) : at;
    // a broken embargo has no embargo period left to protect: no 7-day rule (fast track)
    Plan early = plan.plan(disclosure, disclosure, true, null, now);
    dates.apply(execution.getProcessInstance(), early);
    dates.moveTimers(execution.getProcessInstanceId());
    notices.send(NotificationKind.EMBARGO_BROKEN, execution);
  }
}
