package io.github.securityrelease.team;

import io.github.securityrelease.security.EngineIdentity;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The message starts of team-membership.bpmn ("Member on record", "Membership changed outside
 * the process") are the service's alone. Whoever may nominate may also start the process, and
 * the engine REST API ({@code POST /engine-rest/message}) would let them start it at any
 * message start event: a member "on record" who is none, watched and voted out (R23), or an
 * associate whose rotation skipped its nomination (R21).
 */
@Component("checkServiceStart")
class CheckServiceStart implements ExecutionListener {

  private final EngineIdentity engineIdentity;

  CheckServiceStart(EngineIdentity engineIdentity) {
    this.engineIdentity = engineIdentity;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caller = engineIdentity.currentUserId();
    if (caller != null) {
      throw new AuthorizationException(caller + " may not start a membership at '"
          + execution.getCurrentActivityName() + "': the service does, R21-R23");
    }
  }
}
