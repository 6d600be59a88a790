package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;
import static io.github.securityrelease.engine.TaskInput.refuse;
import static io.github.securityrelease.engine.TaskInput.requireText;
import static io.github.securityrelease.engine.TaskInput.text;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R9, R13-R16, R19 on submit of "Plan disclosure": dates the policy allows, a deferral only
 * where the release track allows one and with its reason, the messaging and the distributors'
 * content; then every date the timers wait for.
 */
@Component("checkDisclosurePlan")
class CheckDisclosurePlan implements TaskListener {

  private final DisclosurePlanner planner;
  private final PlanDates dates;
  private final Clock clock;

  CheckDisclosurePlan(DisclosurePlanner planner, PlanDates dates, Clock clock) {
    this.planner = planner;
    this.dates = dates;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    requireText(task, PUBLIC_MESSAGING, "the public messaging is told to the distributors before the release (R16)");
    requireText(task, DISTRIBUTOR_CONTENT, "the distributors get all that can reasonably be given (R14)");
    try {
      Instant now = clock.instant();
      boolean fastTrack = Boolean.TRUE.equals(task.getVariable(FAST_TRACK));
      Instant disclosure = PlanDates.instant(task, PUBLIC_DISCLOSURE_AT);
      // R15: after a decision to release now there is no embargo left to protect, as on the fast track
      DisclosurePlan planned = planner.plan(disclosure, PlanDates.instant(task, RELEASE_AT), advanceNoticeDays(task),
          ReleaseNowRequest.noEmbargoToProtect(task), text(task, SHORT_EMBARGO_REASON), now);
      ReleaseNowRequest.checkPlan(planner, task, planned, now);
      boolean deferred = planner.deferred(disclosure, (String) task.getVariable(RELEASE_TYPE), fastTrack,
          Boolean.TRUE.equals(task.getVariable(MAY_DEFER)), text(task, DEFERRAL_REASON), now);
      task.setVariable(RELEASE_BRANCHES, Branches.of(task.getVariable(RELEASE_BRANCHES)).asJson());
      task.getExecution().setVariable(DEFERRED, deferred);
      dates.apply(task.getExecution(), planned);
    } catch (InvalidPlanException e) {
      throw refuse(e.field(), e.getMessage());
    }
  }

  /** The form's number field submits a long (or a double); none means as late as the policy allows. */
  private static Integer advanceNoticeDays(DelegateTask task) {
    Object value = task.getVariable(ADVANCE_NOTICE_DAYS);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number.longValue()));
    }
    try {
      return Integer.valueOf(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new InvalidPlanException(ADVANCE_NOTICE_DAYS, "'" + value + "' is not a whole number of days");
    }
  }
}
