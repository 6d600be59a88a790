package io.github.securityrelease.intake;

import io.github.securityrelease.CaseVariables;

import static io.github.securityrelease.CaseVariables.*;

import io.github.securityrelease.security.EngineIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where a case stands: its status, dates and open tasks. State only, no report detail, so
 * that managers may read it too (R27).
 */
@RestController
class CaseController {

  /** The variables that describe a case's state and never its content. */
  private static final List<String> STATE_VARIABLES = List.of(STATUS, REPORTED_AT, ACKNOWLEDGEMENT_DUE_BY,
      ACKNOWLEDGED_AT);

  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final EngineIdentity engineIdentity;

  CaseController(HistoryService historyService, RuntimeService runtimeService, EngineIdentity engineIdentity) {
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.engineIdentity = engineIdentity;
  }

  /** {@code waitingAt}: the ids of the model's elements the case waits at (tasks, timers, queued jobs). */
  record CaseState(String caseId, String status, Instant reportedAt, Instant acknowledgementDueBy,
      Instant acknowledgedAt, List<String> waitingAt, boolean ended) {}

  @GetMapping("/api/v1/cases/{caseId}")
  CaseState state(@PathVariable String caseId) {
    // the caller's group was checked at the door; the state is read as the service, since
    // managers may not read a case's variables through the engine
    return engineIdentity.runAsService(() -> read(caseId));
  }

  private CaseState read(String caseId) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(caseId)
        .singleResult();
    if (instance == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseId);
    }
    Map<String, Object> state = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableNameIn(STATE_VARIABLES.toArray(String[]::new))
        .list().stream()
        .filter(variable -> variable.getValue() != null)
        .forEach(variable -> state.put(variable.getName(), variable.getValue()));
    boolean ended = instance.getEndTime() != null;
    List<String> waitingAt = ended ? List.of() : waitingAt(runtimeService.getActivityInstance(instance.getId()));
    return new CaseState(caseId, (String) state.get(STATUS), instant(state.get(REPORTED_AT)),
        instant(state.get(ACKNOWLEDGEMENT_DUE_BY)), instant(state.get(ACKNOWLEDGED_AT)), waitingAt, ended);
  }

  private static List<String> waitingAt(ActivityInstance root) {
    List<String> ids = new ArrayList<>();
    collect(root, ids);
    return ids.stream().distinct().sorted().toList();
  }

  private static void collect(ActivityInstance instance, List<String> ids) {
    for (TransitionInstance queued : instance.getChildTransitionInstances()) {
      ids.add(queued.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
        ids.add(child.getActivityId());
      }
      collect(child, ids);
    }
  }

  private static Instant instant(Object value) {
    return value instanceof Date date ? date.toInstant() : null;
  }
}
