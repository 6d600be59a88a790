package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;
import static io.github.securityrelease.engine.TaskInput.refuse;
import static io.github.securityrelease.engine.TaskInput.requireOneOf;
import static io.github.securityrelease.engine.TaskInput.requireText;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R15 on submit of "Assess embargo break": a decision, its reason, and a date that is neither
 * past nor, where a plan exists, later than its public disclosure: releasing now brings the
 * disclosure forward, never later.
 */
@Component("checkEmbargoDecision")
class CheckEmbargoDecision implements TaskListener {

  static final String RELEASE_NOW = "RELEASE_NOW";
  static final String CONTINUE = "CONTINUE";

  private final Clock clock;

  CheckEmbargoDecision(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = requireOneOf(task, EMBARGO_DECISION, "release now or continue", RELEASE_NOW, CONTINUE);
    requireText(task, EMBARGO_DECISION_REASON, "the decision and its reason are on record (R15)");
    try {
      Instant at = PlanDates.instant(task, RELEASE_NOW_AT);
      if (at != null && at.isBefore(clock.instant().minusSeconds(60))) {
        throw refuse(RELEASE_NOW_AT, "is in the past: leave it empty to release now");
      }
      Instant planned = task.getVariable(ADVANCE_NOTICE_AT) == null ? null : PlanDates.instant(task, PUBLIC_DISCLOSURE_AT);
      if (RELEASE_NOW.equals(decision) && at != null && planned != null && at.isAfter(planned)) {
        throw refuse(RELEASE_NOW_AT, "is later than the planned public disclosure (" + planned
            + "): releasing now brings the disclosure forward, never later (R15)");
      }
    } catch (InvalidPlanException e) {
      throw refuse(e.field(), e.getMessage());
    }
  }
}
