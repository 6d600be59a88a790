package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;

import io.github.securityrelease.security.EngineIdentity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * R15: an embargo break brought before the team ("Assess embargo break"), whoever reports it:
 * a member through the case's API, or a distributor's leak report that names the case (R26).
 */
@Service
public class EmbargoBreaks {

  /** Where a case stands for a break: only an open case not yet public has one to assess. */
  public enum Standing { UNDER_EMBARGO, NO_OPEN_CASE, NOT_UNDER_EMBARGO }

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final EngineIdentity engineIdentity;

  EmbargoBreaks(RuntimeService runtimeService, HistoryService historyService, EngineIdentity engineIdentity) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.engineIdentity = engineIdentity;
  }

  /** Whether there is or was a case with this ID, open or ended. */
  public boolean exists(String caseId) {
    return engineIdentity.runAsService(() -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(caseId).count() > 0);
  }

  /**
   * Opens "Assess embargo break" on the case if it is under embargo, with who broke it and how,
   * and who reported it (the case's history keeps them); else says where the case stands.
   */
  public Standing report(String caseId, String breachedBy, String description, String reportedBy) {
    return engineIdentity.runAsService(() -> {
      Standing standing = standing(caseId);
      if (standing == Standing.UNDER_EMBARGO) {
        runtimeService.createMessageCorrelation("EmbargoBroken")
            .processInstanceBusinessKey(caseId)
            .setVariable(BREACHED_BY, breachedBy)
            .setVariable(BREACH_DESCRIPTION, description)
            .setVariable(BREACH_REPORTED_BY, reportedBy)
            .correlateWithResult();
      }
      return standing;
    });
  }

  /** The case's variables while it is open; empty once it ended or when there is no such case. */
  Optional<Map<String, Object>> openCase(String caseId) {
    return engineIdentity.runAsService(() -> {
      ProcessInstance instance = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(caseId).singleResult();
      return instance == null ? Optional.empty() : Optional.of(runtimeService.getVariables(instance.getId()));
    });
  }

  /**
   * R15: a case is under embargo from its report until its public disclosure, with or without
   * a disclosure plan; a rejected report has none left.
   */
  static boolean underEmbargo(Map<String, Object> variables) {
    return !Set.of("PUBLIC_DISCLOSURE", "DISCLOSED", "REJECTED").contains(variables.get(STATUS));
  }

  /** A case with a disclosure plan, not public yet: its plan may change. */
  static boolean planned(Map<String, Object> variables) {
    return variables.get(ADVANCE_NOTICE_AT) != null && underEmbargo(variables);
  }

  private Standing standing(String caseId) {
    return openCase(caseId)
        .map(variables -> underEmbargo(variables) ? Standing.UNDER_EMBARGO : Standing.NOT_UNDER_EMBARGO)
        .orElse(Standing.NO_OPEN_CASE);
  }
}
