package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** R15, R26: every breach of a case, who broke it and what happened, kept on the case. */
@Component("recordEmbargoBreach")
class RecordEmbargoBreach implements ExecutionListener {

  private final Clock clock;

  RecordEmbargoBreach(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String previous = (String) execution.getVariable(EMBARGO_BREACHES);
    String breach = clock.instant() + " " + execution.getVariable(BREACHED_BY) + ": "
        + execution.getVariable(BREACH_DESCRIPTION);
    execution.setVariable(EMBARGO_BREACHES, previous == null ? breach : previous + "\n" + breach);
  }
}
