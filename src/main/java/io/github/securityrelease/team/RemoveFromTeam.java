package io.github.securityrelease.team;

import static io.github.securityrelease.team.TeamVariables.MEMBER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Out of {@code security-team} and {@code security-associates}: a rejected rotation (R21),
 * stepping down (R22, in the transaction of the message), a removal vote (R23).
 */
@Component("removeFromTeam")
class RemoveFromTeam implements JavaDelegate {

  private final TeamGroups groups;

  RemoveFromTeam(TeamGroups groups) {
    this.groups = groups;
  }

  @Override
  public void execute(DelegateExecution execution) {
    groups.removeFromTeam((String) execution.getVariable(MEMBER_ID));
  }
}
