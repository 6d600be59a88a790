package io.github.securityrelease.conversation;

import io.github.securityrelease.security.EngineIdentity;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * "Reporter answered" is the service's start alone ({@link Conversation#receive}): whoever may
 * write to a reporter may start the model, and the engine REST API ({@code POST
 * /engine-rest/message}) would let them start it there, alerting the team of an answer nobody sent.
 */
@Component("checkAnswerFromService")
class CheckAnswerFromService implements ExecutionListener {

  private final EngineIdentity engineIdentity;

  CheckAnswerFromService(EngineIdentity engineIdentity) {
    this.engineIdentity = engineIdentity;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caller = engineIdentity.currentUserId();
    if (caller != null) {
      throw new AuthorizationException(caller + " may not start '" + execution.getCurrentActivityName()
          + "': the service does, when a message of the reporter arrives (R28)");
    }
  }
}
