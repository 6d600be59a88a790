package io.github.securityrelease.team;

import static io.github.securityrelease.team.TeamVariables.MEMBER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** R21: the rotation accepted: into {@code security-team}, out of {@code security-associates}. */
@Component("makeMember")
class MakeMember implements JavaDelegate {

  private final TeamGroups groups;

  MakeMember(TeamGroups groups) {
    this.groups = groups;
  }

  @Override
  public void execute(DelegateExecution execution) {
    groups.makeMember((String) execution.getVariable(MEMBER_ID));
    RecordMembership.begin(execution);
  }
}
