package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.PROCESS_KEY;
import static io.github.securityrelease.cases.CaseVariables.STATUS;

import io.github.securityrelease.cases.UnknownCaseException;
import io.github.securityrelease.cases.VulnerabilityStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Component;

/**
 * A case's variables from history, so that an ended case answers as an open one does; 404
 * for a case that does not exist. Read with the caller's rights (wrap it in
 * {@code EngineIdentity.runAsService} once the caller's access is checked).
 */
@Component
class CaseHistory {

  private final HistoryService historyService;

  CaseHistory(HistoryService historyService) {
    this.historyService = historyService;
  }

  /**
   * What a case's history says of its variables over time.
   *
   * @param lastChanged the latest update of any of the variables asked for; null if none
   * @param disclosureBegan the first time {@code status} became PUBLIC_DISCLOSURE; null if never
   */
  record Changes(Instant lastChanged, Instant disclosureBegan) {}

  /** The case's variables with a value: all of them, or only {@code names} when given. */
  Map<String, Object> variables(String caseId, String... names) {
    HistoricProcessInstance instance = instance(caseId);
    HistoricVariableInstanceQuery query = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId());
    if (names.length > 0) {
      query.variableNameIn(names);
    }
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : query.list()) {
      // a case's variables live on the process instance; a local one of the same name must not hide it
      boolean caseScope = instance.getId().equals(variable.getExecutionId());
      if (variable.getValue() != null && (caseScope || !variables.containsKey(variable.getName()))) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    return variables;
  }

  /** Needs the history level {@code full}, which records each update of a variable with its time. */
  Changes changes(String caseId, Collection<String> names) {
    Instant lastChanged = null;
    Instant disclosureBegan = null;
    List<HistoricDetail> updates = historyService.createHistoricDetailQuery()
        .processInstanceId(instance(caseId).getId())
        .variableUpdates()
        .list();
    for (HistoricDetail detail : updates) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      Instant time = update.getTime().toInstant();
      if (names.contains(update.getVariableName()) && (lastChanged == null || time.isAfter(lastChanged))) {
        lastChanged = time;
      }
      boolean publicDisclosure = STATUS.equals(update.getVariableName())
          && VulnerabilityStatus.PUBLIC_DISCLOSURE.name().equals(String.valueOf(update.getValue()));
      if (publicDisclosure && (disclosureBegan == null || time.isBefore(disclosureBegan))) {
        disclosureBegan = time;
      }
    }
    return new Changes(lastChanged, disclosureBegan);
  }

  private HistoricProcessInstance instance(String caseId) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(caseId)
        .singleResult();
    if (instance == null) {
      throw UnknownCaseException.noCase(caseId);
    }
    return instance;
  }
}
