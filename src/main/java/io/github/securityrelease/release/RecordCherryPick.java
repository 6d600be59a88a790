package io.github.securityrelease.release;

import static io.github.securityrelease.CaseVariables.*;
import static io.github.securityrelease.TaskInput.refuse;
import static io.github.securityrelease.TaskInput.requireText;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** R17: each branch's merged commit, on record on the case ("branch: commit", one a line). */
@Component("recordCherryPick")
class RecordCherryPick implements TaskListener {

  static final Pattern COMMIT_HASH = Pattern.compile("[0-9a-f]{7,40}");

  @Override
  public void notify(DelegateTask task) {
    String commit = requireText(task, COMMIT, "the commit of the merged cherry-pick is required");
    if (!COMMIT_HASH.matcher(commit).matches()) {
      throw refuse(COMMIT, "'" + commit + "' is not a commit hash (7 to 40 lower-case hex digits)");
    }
    String line = task.getVariable(BRANCH) + ": " + commit;
    String previous = (String) task.getExecution().getProcessInstance().getVariable(CHERRY_PICKS);
    task.getExecution().getProcessInstance().setVariable(CHERRY_PICKS, previous == null ? line : previous + "\n" + line);
  }
}
