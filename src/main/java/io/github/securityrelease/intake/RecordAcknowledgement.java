package io.github.securityrelease.intake;

import io.github.securityrelease.cases.CaseVariables;

import io.github.securityrelease.security.EngineIdentity;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Who acknowledged the report, and when: on record beside the message. */
@Component("recordAcknowledgement")
class RecordAcknowledgement implements TaskListener {

  private final EngineIdentity identity;
  private final Clock clock;

  RecordAcknowledgement(EngineIdentity identity, Clock clock) {
    this.identity = identity;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    task.getExecution().setVariable(CaseVariables.ACKNOWLEDGED_BY, identity.completedBy(task));
    task.getExecution().setVariable(CaseVariables.ACKNOWLEDGED_AT, Date.from(clock.instant()));
  }
}
