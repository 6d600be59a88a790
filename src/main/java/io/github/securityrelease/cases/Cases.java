package io.github.securityrelease.cases;

import static io.github.securityrelease.cases.CaseVariables.PROCESS_KEY;
import static io.github.securityrelease.cases.CaseVariables.STATUS;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Which case a case ID names: the case ID is the business key of a {@code vulnerability-handling}
 * instance, and every caller finds the case here, open (the running instance) or ended (its
 * history, so that an ended case answers as an open one does). Reads with the caller's rights:
 * wrap a call in {@code EngineIdentity.runAsService} once the caller's access is checked.
 */
@Component
public class Cases {

  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  Cases(RuntimeService runtimeService, HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  /**
   * What a case's history says of its variables over time.
   *
   * @param lastChanged the latest update of any of the variables asked for; null if none
   * @param disclosureBegan the first time {@code status} became PUBLIC_DISCLOSURE; null if never
   */
  public record Changes(Instant lastChanged, Instant disclosureBegan) {}

  /** Whether there is or was a case with this ID, open or ended. */
  public boolean exists(String caseId) {
    return historic(caseId).count() > 0;
  }

  /**
   * A case's rows of some record (the ledger, its attachments, its forge calls), as an endpoint
   * answers them: none is an empty list for a case that exists, a 404 for one that does not.
   *
   * @throws UnknownCaseException when {@code rows} is empty and there is no such case
   */
  public <T> List<T> rowsOf(String caseId, List<T> rows) {
    if (rows.isEmpty() && !exists(caseId)) {
      throw UnknownCaseException.noCase(caseId);
    }
    return rows;
  }

  /** The case, open or ended; empty when there is no such case. */
  public Optional<HistoricProcessInstance> find(String caseId) {
    return Optional.ofNullable(historic(caseId).singleResult());
  }

  /** The case's variables while it is open; empty once it ended or when there is no such case. */
  public Optional<Map<String, Object>> openCase(String caseId) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(caseId).singleResult();
    return instance == null ? Optional.empty() : Optional.of(runtimeService.getVariables(instance.getId()));
  }

  /** The ID of the case that a process instance is, if it is one. */
  public Optional<String> caseIdOf(String processInstanceId) {
    return Optional.ofNullable(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceId(processInstanceId).singleResult())
        .map(HistoricProcessInstance::getBusinessKey);
  }

  /**
   * The cases, open or ended, whose variable {@code name} holds {@code value} (the last value
   * history has of it): one query on the history's variables, not a look at every case.
   */
  public List<HistoricProcessInstance> withVariable(String name, Object value) {
    Set<String> ids = historyService.createHistoricVariableInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .variableValueEquals(name, value)
        .list().stream()
        .map(HistoricVariableInstance::getProcessInstanceId)
        .collect(Collectors.toSet());
    return ids.isEmpty() ? List.of()
        : historyService.createHistoricProcessInstanceQuery().processInstanceIds(ids).list();
  }

  /** The case's variables with a value, from its history: all of them, or only {@code names} when given. */
  public Map<String, Object> variables(HistoricProcessInstance instance, String... names) {
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
  public Changes changes(HistoricProcessInstance instance, Collection<String> names) {
    Instant lastChanged = null;
    Instant disclosureBegan = null;
    List<HistoricDetail> updates = historyService.createHistoricDetailQuery()
        .processInstanceId(instance.getId())
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

  /** Delivers a message of the model (e.g. {@code DisclosureRescheduled}) to the case, with its variables. */
  public MessageCorrelationResult correlate(String caseId, String message, Map<String, Object> variables) {
    return runtimeService.createMessageCorrelation(message)
        .processInstanceBusinessKey(caseId)
        .setVariables(variables)
        .correlateWithResult();
  }

  private HistoricProcessInstanceQuery historic(String caseId) {
    return historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(caseId);
  }
}
