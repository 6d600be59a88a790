package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;
import static io.github.securityrelease.engine.TaskInput.text;

import io.github.securityrelease.notification.NotificationKind;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * R14, R16 re-planned (message DisclosureRescheduled): the new dates become the plan, every
 * timer still waiting moves, and distributors who were told already get a dated update. A
 * short embargo needs its own reason (rescheduledShortEmbargoReason), not the re-plan's; after
 * RELEASE_NOW the disclosure may come earlier, not later (R15).
 */
@Component("replanDisclosure")
class ReplanDisclosure implements JavaDelegate {

  private final DisclosurePlanner planner;
  private final PlanChange change;
  private final Clock clock;

  ReplanDisclosure(DisclosurePlanner planner, PlanChange change, Clock clock) {
    this.planner = planner;
    this.change = change;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisclosurePlan replanned = planner.plan(PlanDates.instant(execution, RESCHEDULED_PUBLIC_DISCLOSURE_AT),
        PlanDates.instant(execution, RESCHEDULED_RELEASE_AT), ReleaseNowRequest.noEmbargoToProtect(execution),
        text(execution, RESCHEDULED_SHORT_EMBARGO_REASON), clock.instant());
    ReleaseNowRequest.checkReplan(ReleaseNowRequest.requested(execution),
        PlanDates.instant(execution, PUBLIC_DISCLOSURE_AT), replanned);
    change.apply(execution, replanned, NotificationKind.DISCLOSURE_RESCHEDULED, true);
  }
}
