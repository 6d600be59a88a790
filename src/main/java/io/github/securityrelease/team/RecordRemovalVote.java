package io.github.securityrelease.team;

import static io.github.securityrelease.engine.TaskInput.refuse;
import static io.github.securityrelease.engine.TaskInput.requireOneOf;
import static io.github.securityrelease.team.TeamVariables.*;

import io.github.securityrelease.security.EngineIdentity;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R23 on submit of "Vote on removal": {@code REMOVE} or {@code KEEP}, cast by the voter the
 * task is for and nobody else. The vote stays a variable of its own task; the process counts
 * it in {@code votesCast} and {@code votesForRemoval}.
 */
@Component("recordRemovalVote")
class RecordRemovalVote implements TaskListener {

  static final String REMOVE = "REMOVE";
  static final String KEEP = "KEEP";

  private final EngineIdentity engineIdentity;

  RecordRemovalVote(EngineIdentity engineIdentity) {
    this.engineIdentity = engineIdentity;
  }

  @Override
  public void notify(DelegateTask task) {
    String vote = requireOneOf(task, REMOVAL_VOTE, "vote REMOVE or KEEP", REMOVE, KEEP);
    String voter = (String) task.getVariable(VOTER);
    String caller = engineIdentity.currentUserId();
    if (caller != null && !caller.equals(voter)) {
      throw refuse(REMOVAL_VOTE, "this vote is " + voter + "'s to cast");
    }
    DelegateExecution process = task.getExecution().getProcessInstance();
    process.setVariable(VOTES_CAST, (Integer) process.getVariable(VOTES_CAST) + 1);
    if (REMOVE.equals(vote)) {
      process.setVariable(VOTES_FOR_REMOVAL, (Integer) process.getVariable(VOTES_FOR_REMOVAL) + 1);
    }
  }
}
