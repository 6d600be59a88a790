package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;
import static io.github.securityrelease.engine.TaskInput.refuse;
import static io.github.securityrelease.engine.TaskInput.requireText;
import static io.github.securityrelease.engine.TaskInput.text;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R13-R16, R19 on submit of "Plan disclosure": dates the policy allows, the messaging and
 * the distributors' content; then every date the timers wait for.
 */
@Component("checkDisclosurePlan")
class CheckDisclosurePlan implements TaskListener {

  private final DisclosurePlan plan;
  private final PlanDates dates;
  private final Clock clock;

  CheckDisclosurePlan(DisclosurePlan plan, PlanDates dates, Clock clock) {
    this.plan = plan;
    this.dates = dates;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    requireText(task, PUBLIC_MESSAGING, "the public messaging is told to the distributors before the release (R16)");
    requireText(task, DISTRIBUTOR_CONTENT, "the distributors get all that can reasonably be given (R14)");
    try {
      Plan planned = plan.plan(PlanDates.instant(task, PUBLIC_DISCLOSURE_AT), PlanDates.instant(task, RELEASE_AT),
          ReleaseNowRequest.noEmbargoToProtect(task), text(task, SHORT_EMBARGO_REASON), clock.instant());
      ReleaseNowRequest.checkPlan(plan, task, planned, clock.instant());
      task.setVariable(RELEASE_BRANCHES, Branches.of(task.getVariable(RELEASE_BRANCHES)).asJson());
      dates.apply(task.getExecution(), planned);
    } catch (InvalidPlanException e) {
      throw refuse(e.field(), e.getMessage());
    }
  }
}
