package io.github.securityrelease.release;

import static io.github.securityrelease.cases.CaseVariables.*;
import static io.github.securityrelease.engine.TaskInput.bool;
import static io.github.securityrelease.engine.TaskInput.refuse;
import static io.github.securityrelease.engine.TaskInput.text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R7, R10: a remediation has its priority and names its patches or its mitigations, and only a
 * case whose release track allows it may take its fix to the public repository. On create, the
 * form gets the priority the severity proposes, unless the case has one already.
 */
@Component("checkRemediation")
class CheckRemediation implements TaskListener {

  static final String SEMI_PUBLIC_ALLOWED = "SEMI_PUBLIC_ALLOWED";

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      if (task.getVariable(REMEDIATION_PRIORITY) == null) {
        task.setVariable(REMEDIATION_PRIORITY, RemediationPriority.proposed(task).name());
      }
      return;
    }
    RemediationPriority.require(task);
    if (text(task, FIX_PULL_REQUESTS) == null && text(task, MITIGATIONS) == null) {
      throw refuse(FIX_PULL_REQUESTS, "name the fix's pull requests or patches, or the mitigations");
    }
    boolean inPublic = Boolean.TRUE.equals(bool(task, FIX_IN_PUBLIC));
    if (inPublic && !SEMI_PUBLIC_ALLOWED.equals(task.getVariable(FIX_VISIBILITY))) {
      throw refuse(FIX_IN_PUBLIC, "this case's fix must stay private (severity 7.0 or higher, R10)");
    }
    task.setVariable(FIX_IN_PUBLIC, inPublic);
  }
}
