package io.github.securityrelease.release;

import static io.github.securityrelease.cases.CaseVariables.REMEDIATION_APPROVED;
import static io.github.securityrelease.cases.CaseVariables.REVIEW_COMMENTS;
import static io.github.securityrelease.engine.TaskInput.bool;
import static io.github.securityrelease.engine.TaskInput.requireText;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A fix sent back to development says why, so that the developers can act on it; the security
 * team confirms or changes the remediation priority (R7).
 */
@Component("checkReview")
class CheckReview implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    RemediationPriority.require(task);
    boolean approved = Boolean.TRUE.equals(bool(task, REMEDIATION_APPROVED));
    task.setVariable(REMEDIATION_APPROVED, approved);
    if (!approved) {
      requireText(task, REVIEW_COMMENTS, "say what the fix still needs");
    }
  }
}
