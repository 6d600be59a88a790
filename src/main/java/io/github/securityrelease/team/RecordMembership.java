package io.github.securityrelease.team;

import static io.github.securityrelease.team.TeamVariables.MEMBER_SINCE;
import static io.github.securityrelease.team.TeamVariables.WATCHED_SINCE;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * R23: the member phase begins, for a new member or one on record already ("Member on
 * record"): their membership is counted from now, the floor of their last activity.
 */
@Component("recordMembership")
class RecordMembership implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    begin(execution);
  }

  static void begin(DelegateExecution execution) {
    Date now = ClockUtil.now();
    execution.setVariable(MEMBER_SINCE, now);
    execution.setVariable(WATCHED_SINCE, now);
  }
}
