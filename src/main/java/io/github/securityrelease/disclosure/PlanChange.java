package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.ADVANCE_NOTICE_SENT_AT;

import io.github.securityrelease.notification.NotificationKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** A plan changed while the case waits: the new dates, every waiting timer moved, the distributors told. */
@Component
class PlanChange {

  private final PlanDates dates;
  private final DistributorNotices notices;

  PlanChange(PlanDates dates, DistributorNotices notices) {
    this.dates = dates;
    this.notices = notices;
  }

  /**
   * @param onlyIfTold send {@code notice} only to a list that had the advance notice already:
   *     the others learn the new dates from the advance notice itself
   */
  void apply(DelegateExecution execution, DisclosurePlan plan, NotificationKind notice, boolean onlyIfTold) {
    dates.apply(execution.getProcessInstance(), plan);
    dates.moveTimers(execution.getProcessInstanceId());
    if (!onlyIfTold || execution.getVariable(ADVANCE_NOTICE_SENT_AT) != null) {
      notices.send(notice, execution);
    }
  }
}
