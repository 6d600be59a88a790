package io.github.securityrelease.release;

import static io.github.securityrelease.cases.CaseVariables.CHERRY_PICKS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * R17: each branch's merged commit on the case's record, one {@code branch: commit} a line,
 * whether a release manager typed it or the forge's merge gave it.
 */
public final class CherryPicks {

  private CherryPicks() {}

  /** Adds {@code branch: commit} to the process instance's {@code cherryPicks}. */
  public static void record(DelegateExecution execution, String branch, String commit) {
    append(execution.getProcessInstance(), branch, commit);
  }

  static void append(VariableScope processInstance, String branch, String commit) {
    String line = branch + ": " + commit;
    String previous = (String) processInstance.getVariable(CHERRY_PICKS);
    processInstance.setVariable(CHERRY_PICKS, previous == null ? line : previous + "\n" + line);
  }
}
