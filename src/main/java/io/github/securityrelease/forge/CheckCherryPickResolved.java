package io.github.securityrelease.forge;

import static io.github.securityrelease.cases.CaseVariables.SECURITY_BRANCH;
import static io.github.securityrelease.engine.TaskInput.refuse;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R17: "Resolve cherry-pick onto a branch" is done when the resolution is on the public
 * repository's security branch; completing it before is refused, and nothing moves on.
 */
@Component("checkCherryPickResolved")
class CheckCherryPickResolved implements TaskListener {

  private final ForgeGit git;

  CheckCherryPickResolved(ForgeGit git) {
    this.git = git;
  }

  @Override
  public void notify(DelegateTask task) {
    String securityBranch = (String) task.getVariable(SECURITY_BRANCH);
    if (git.publicHead(task.getExecution().getProcessBusinessKey(), securityBranch).isEmpty()) {
      throw refuse(SECURITY_BRANCH, securityBranch + " is not on the public repository yet: push the resolution"
          + " there, then complete the task");
    }
  }
}
