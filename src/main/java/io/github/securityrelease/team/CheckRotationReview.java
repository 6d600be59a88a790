package io.github.securityrelease.team;

import static io.github.securityrelease.engine.TaskInput.requireOneOf;
import static io.github.securityrelease.engine.TaskInput.requireText;
import static io.github.securityrelease.team.TeamVariables.*;

import io.github.securityrelease.security.EngineIdentity;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R21 on submit of "Review associate rotation": accepted or rejected, and a rejection says why
 * (the associate is told). A refusal keeps the task open.
 */
@Component("checkRotationReview")
class CheckRotationReview implements TaskListener {

  static final String ACCEPT = "ACCEPT";
  static final String REJECT = "REJECT";

  private final EngineIdentity engineIdentity;

  CheckRotationReview(EngineIdentity engineIdentity) {
    this.engineIdentity = engineIdentity;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = requireOneOf(task, ROTATION_DECISION, "accept or reject the rotation", ACCEPT, REJECT);
    if (REJECT.equals(decision)) {
      requireText(task, ROTATION_DECISION_REASON, "the associate is told why the rotation is rejected");
    }
    task.setVariable(REVIEWED_BY, engineIdentity.completedBy(task));
  }
}
