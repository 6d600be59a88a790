package io.github.securityrelease.team;

import static io.github.securityrelease.team.TeamVariables.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * R23: the member was inactive for the whole period: a removal vote opens. The electorate is
 * every other member of the security team now, each with a vote of their own, until
 * {@code voteEndsAt}.
 */
@Component("openRemovalVote")
class OpenRemovalVote implements JavaDelegate {

  private final TeamGroups groups;
  private final TeamTerms terms;

  OpenRemovalVote(TeamGroups groups, TeamTerms terms) {
    this.groups = groups;
    this.terms = terms;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String memberId = (String) execution.getVariable(MEMBER_ID);
    List<String> voters = new ArrayList<>(groups.members());
    voters.remove(memberId);
    Date now = ClockUtil.now();
    execution.setVariable(VOTERS, voters);
    execution.setVariable(ELECTORATE, voters.size());
    execution.setVariable(VOTES_FOR_REMOVAL, 0);
    execution.setVariable(VOTES_CAST, 0);
    execution.setVariable(VOTE_OPENED_AT, now);
    execution.setVariable(VOTE_ENDS_AT, terms.voteEnds(now));
    execution.removeVariable(REMOVAL_OUTCOME);
  }
}
