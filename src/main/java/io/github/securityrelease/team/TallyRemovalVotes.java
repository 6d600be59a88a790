package io.github.securityrelease.team;

import static io.github.securityrelease.team.TeamVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * R23: the vote closed (every vote cast, or the vote period over): {@code removalOutcome} by
 * {@link RemovalTally}. A member kept is watched afresh from now.
 */
@Component("tallyRemovalVotes")
class TallyRemovalVotes implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    RemovalTally tally = new RemovalTally((Integer) execution.getVariable(ELECTORATE),
        (Integer) execution.getVariable(VOTES_FOR_REMOVAL));
    RemovalOutcome outcome = tally.outcome();
    execution.setVariable(REMOVAL_OUTCOME, outcome.name());
    if (outcome != RemovalOutcome.REMOVED) {
      execution.setVariable(WATCHED_SINCE, ClockUtil.now());
    }
  }
}
