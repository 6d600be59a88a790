package io.github.securityrelease.team;

import static io.github.securityrelease.team.TeamVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * R21: the nominee joins {@code security-associates} (one an admin added there is in already);
 * the rotation runs from now until {@code rotationEndsAt}.
 */
@Component("addToAssociates")
class AddToAssociates implements JavaDelegate {

  private final TeamGroups groups;
  private final TeamTerms terms;

  AddToAssociates(TeamGroups groups, TeamTerms terms) {
    this.groups = groups;
    this.terms = terms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    groups.addToAssociates((String) execution.getVariable(MEMBER_ID));
    Date now = ClockUtil.now();
    execution.setVariable(ASSOCIATE_SINCE, now);
    execution.setVariable(ROTATION_ENDS_AT, terms.rotationEnds(now));
  }
}
