package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;

import io.github.securityrelease.notification.NotificationKind;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * R15: the embargo is broken and the team releases early: disclosure now (or on the date the
 * team set, never later than planned), the release no later, the timers move, the distributors
 * hear of it. On record, so that no re-plan pushes the disclosure out again.
 */
@Component("releaseNow")
class ReleaseNow implements JavaDelegate {

  private final DisclosurePlanner planner;
  private final PlanChange change;
  private final Clock clock;

  ReleaseNow(DisclosurePlanner planner, PlanChange change, Clock clock) {
    this.planner = planner;
    this.change = change;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = clock.instant();
    Instant at = PlanDates.instant(execution, RELEASE_NOW_AT);
    Instant disclosure = at == null || at.isBefore(now) ? now.plusSeconds(60) : at;
    Instant planned = PlanDates.instant(execution, RELEASE_AT);
    Instant release = planned != null && planned.isAfter(now) && planned.isBefore(disclosure) ? planned : disclosure;
    execution.setVariable(RELEASE_NOW_REQUESTED, true);
    // a broken embargo has no embargo period left to protect: no 7-day rule (fast track)
    change.apply(execution, planner.plan(disclosure, release, true, null, now), NotificationKind.EMBARGO_BROKEN, false);
  }
}
