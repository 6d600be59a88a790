package io.github.securityrelease.assessment;

import static io.github.securityrelease.cases.CaseVariables.*;
import static io.github.securityrelease.engine.TaskInput.oneOf;
import static io.github.securityrelease.engine.TaskInput.refuse;
import static io.github.securityrelease.engine.TaskInput.requireOneOf;
import static io.github.securityrelease.engine.TaskInput.requireText;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R4-R6 on submit of "Validate report": an outcome; a reason for a rejection; for an accepted
 * report a valid CVSS 3.x or 4.0 vector and the affected versions, and a reason beside any
 * severity override; whether associates may lead it (R24). A refusal is shown to the assessor
 * and the task stays open.
 */
@Component("checkValidation")
class CheckValidation implements TaskListener {

  private final CvssScorer scorer;

  CheckValidation(CvssScorer scorer) {
    this.scorer = scorer;
  }

  @Override
  public void notify(DelegateTask task) {
    ValidationOutcome outcome = requireOneOf(task, VALIDATION_OUTCOME, "choose an outcome", ValidationOutcome.class);
    task.setVariable(VALIDATION_OUTCOME, outcome.name());
    if (outcome != ValidationOutcome.ACCEPTED) {
      requireText(task, REJECTION_REASON, "the reporter is told why the report is rejected (R4)");
      return;
    }
    String vector = requireText(task, CVSS_VECTOR, "an accepted report is scored with CVSS (R5)");
    try {
      task.setVariable(CVSS_VECTOR, scorer.score(vector).vector());
    } catch (InvalidCvssVectorException e) {
      throw refuse(CVSS_VECTOR, e.getMessage());
    }
    requireText(task, AFFECTED_VERSIONS, "name the affected versions");
    Severity override = oneOf(task, SEVERITY_OVERRIDE, Severity.class);
    if (override != null) {
      task.setVariable(SEVERITY_OVERRIDE, override.name());
      requireText(task, SEVERITY_OVERRIDE_REASON, "an override of the computed severity needs its reason (R6)");
    }
    Object lowSensitivity = task.getVariable(LOW_SENSITIVITY);
    if (lowSensitivity != null && !(lowSensitivity instanceof Boolean)) {
      throw refuse(LOW_SENSITIVITY, "must be true or false");
    }
    // R24: unmarked means embargoed as usual, within the security team (R27)
    task.setVariable(LOW_SENSITIVITY, Boolean.TRUE.equals(lowSensitivity));
  }
}
