package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * R15, R26: every embargo break of a case, who broke it and what happened, kept on the case.
 * The bean keeps the name the deployed models call it by (docs/process-contract.md).
 */
@Component("recordEmbargoBreach")
class RecordEmbargoBreak implements ExecutionListener {

  private final Clock clock;

  RecordEmbargoBreak(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String previous = (String) execution.getVariable(EMBARGO_BREAKS);
    String embargoBreak = clock.instant() + " " + execution.getVariable(BROKEN_BY) + ": "
        + execution.getVariable(BREAK_DESCRIPTION);
    execution.setVariable(EMBARGO_BREAKS, previous == null ? embargoBreak : previous + "\n" + embargoBreak);
  }
}
