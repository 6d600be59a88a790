package io.github.securityrelease.distributors;

import static io.github.securityrelease.engine.TaskInput.characters;
import static io.github.securityrelease.engine.TaskInput.refuse;
import static io.github.securityrelease.engine.TaskInput.requireText;
import static io.github.securityrelease.distributors.ApplicationVariables.*;

import io.github.securityrelease.security.EngineIdentity;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** R26 on submit of "Decide removal": remove or keep, with a reason on record either way. */
@Component("checkRemovalDecision")
class CheckRemovalDecision implements TaskListener {

  private final EngineIdentity identity;

  CheckRemovalDecision(EngineIdentity identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    String outcome = requireText(task, REMOVAL_OUTCOME, "remove or keep the distributor");
    if (!REMOVE.equals(outcome) && !KEEP.equals(outcome)) {
      throw refuse(REMOVAL_OUTCOME, "must be " + REMOVE + " or " + KEEP);
    }
    String reason = requireText(task, REMOVAL_DECISION_REASON, "the decision and its reason are on record (R26)");
    if (characters(reason) > DistributorRegistry.MAX_REASON_LENGTH) {
      throw refuse(REMOVAL_DECISION_REASON, "must be at most " + DistributorRegistry.MAX_REASON_LENGTH + " characters");
    }
    String by = identity.currentUserId() != null ? identity.currentUserId() : task.getAssignee();
    task.getExecution().setVariable(DECIDED_BY, by);
  }
}
