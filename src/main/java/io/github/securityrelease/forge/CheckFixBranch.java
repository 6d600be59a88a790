package io.github.securityrelease.forge;

import static io.github.securityrelease.cases.CaseVariables.FIX_BRANCH;
import static io.github.securityrelease.engine.TaskInput.refuse;
import static io.github.securityrelease.engine.TaskInput.text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.eclipse.jgit.lib.Repository;
import org.springframework.stereotype.Component;

/**
 * R17: the fix is named once, where it is developed. With the forge set, "Develop remediation"
 * records the private remote's branch that holds it, which release day cherry-picks; a name git
 * would not take is refused either way.
 */
@Component("checkFixBranch")
class CheckFixBranch implements TaskListener {

  private final Forge forge;

  CheckFixBranch(Forge forge) {
    this.forge = forge;
  }

  @Override
  public void notify(DelegateTask task) {
    String branch = text(task, FIX_BRANCH);
    if (branch == null) {
      if (forge.configured()) {
        throw refuse(FIX_BRANCH, "name the branch of the private remote that holds the fix: release day"
            + " cherry-picks its commits");
      }
      return;
    }
    if (!Repository.isValidRefName("refs/heads/" + branch)) {
      throw refuse(FIX_BRANCH, "'" + branch + "' is not a branch name");
    }
  }
}
