package io.github.securityrelease.release;

import static io.github.securityrelease.cases.CaseVariables.*;
import static io.github.securityrelease.engine.TaskInput.requireMatching;

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
    String commit = requireMatching(task, COMMIT, COMMIT_HASH, "the commit of the merged cherry-pick is required",
        value -> "'" + value + "' is not a commit hash (7 to 40 lower-case hex digits)");
    CherryPicks.append(task.getExecution().getProcessInstance(), (String) task.getVariable(BRANCH), commit);
  }
}
