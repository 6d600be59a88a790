package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.PROCESS_KEY;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstanceQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

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

  /** The case's variables with a value: all of them, or only {@code names} when given. */
  Map<String, Object> variables(String caseId, String... names) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(caseId)
        .singleResult();
    if (instance == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseId);
    }
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
}
