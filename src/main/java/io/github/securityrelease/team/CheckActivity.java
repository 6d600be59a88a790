package io.github.securityrelease.team;

import static io.github.securityrelease.team.TeamVariables.*;

import io.github.securityrelease.security.EngineIdentity;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * R23: reads when the member was last active, from Camunda's history: the latest task they
 * finished as its assignee, and the latest thing they did to a task (claim, complete, ...) as
 * the user operation log has it; never earlier than {@code watchedSince} (their membership
 * began, or a vote last kept them). Sets {@code inactivityDueAt} and {@code inactive}: the
 * member is inactive once that date has passed.
 */
@Component("checkActivity")
class CheckActivity implements JavaDelegate {

  private final HistoryService historyService;
  private final TeamTerms terms;
  private final EngineIdentity engineIdentity;

  CheckActivity(HistoryService historyService, TeamTerms terms, EngineIdentity engineIdentity) {
    this.historyService = historyService;
    this.terms = terms;
    this.engineIdentity = engineIdentity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String memberId = (String) execution.getVariable(MEMBER_ID);
    Optional<Instant> lastTask = engineIdentity.runAsService(() -> lastTaskActivity(memberId));
    Instant floor = ((Date) execution.getVariable(WATCHED_SINCE)).toInstant();
    Date lastActivity = Date.from(LastActivity.of(floor, lastTask.stream()));
    Date due = terms.inactivityDue(lastActivity);
    execution.setVariable(LAST_TASK_ACTIVITY_AT, lastTask.map(Date::from).orElse(null));
    execution.setVariable(LAST_ACTIVITY_AT, lastActivity);
    execution.setVariable(INACTIVITY_DUE_AT, due);
    execution.setVariable(INACTIVE, !due.after(ClockUtil.now()));
  }

  private Optional<Instant> lastTaskActivity(String memberId) {
    Stream<Instant> finished = historyService.createHistoricTaskInstanceQuery().taskAssignee(memberId).finished()
        .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1).stream()
        .map(HistoricTaskInstance::getEndTime).map(Date::toInstant);
    Stream<Instant> operations = historyService.createUserOperationLogQuery().userId(memberId)
        .entityType(EntityTypes.TASK).orderByTimestamp().desc().listPage(0, 1).stream()
        .map(UserOperationLogEntry::getTimestamp).map(Date::toInstant);
    return Stream.concat(finished, operations).max(Instant::compareTo);
  }
}
