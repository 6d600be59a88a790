package io.github.securityrelease.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A message start event that only the service may start ({@code ${serviceStartOnly}} on its
 * start). Whoever may start a model may start it at any of its start events, and the engine
 * REST API ({@code POST /engine-rest/message}) would let them start it at a message start
 * event that means "this happened": in team-membership.bpmn a member "on record" who is none,
 * watched and voted out (R23), or an associate whose rotation skipped its nomination (R21); in
 * reporter-message.bpmn an alert of a reporter's answer nobody sent (R28).
 */
@Component("serviceStartOnly")
public class ServiceStartOnly implements ExecutionListener {

  private final EngineIdentity engineIdentity;

  public ServiceStartOnly(EngineIdentity engineIdentity) {
    this.engineIdentity = engineIdentity;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caller = engineIdentity.currentUserId();
    if (caller != null) {
      throw new AuthorizationException(caller + " may not start '" + execution.getCurrentActivityName()
          + "' of " + execution.getProcessDefinitionId().replaceFirst(":.*", "") + ": the service alone starts here");
    }
  }
}
