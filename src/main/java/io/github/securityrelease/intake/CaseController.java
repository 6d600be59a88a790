package io.github.securityrelease.intake;

import static io.github.securityrelease.cases.CaseVariables.*;

import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.cases.UnknownCaseException;
import io.github.securityrelease.cases.VulnerabilityStatus;
import io.github.securityrelease.security.EngineIdentity;
import io.github.securityrelease.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a case stands: its status, dates and open tasks. State only, no report detail, so
 * that managers may read it too (R27).
 */
@RestController
@Tag(name = "Cases", description = "Where a case stands and what the team does with it")
class CaseController {

  /** The variables that describe a case's state and never its content. */
  private static final List<String> STATE_VARIABLES = List.of(STATUS, SEVERITY, CVE_ID, REPORTED_AT,
      ACKNOWLEDGEMENT_DUE_BY, ACKNOWLEDGED_AT, FIX_DUE_BY, ADVANCE_NOTICE_AT, ADVANCE_NOTICE_SENT_AT, RELEASE_NOTICE_AT,
      RELEASE_NOTICE_SENT_AT, RELEASE_AT, PUBLIC_DISCLOSURE_AT, DISCLOSED_AT);

  private final Cases cases;
  private final RuntimeService runtimeService;
  private final EngineIdentity engineIdentity;

  CaseController(Cases cases, RuntimeService runtimeService, EngineIdentity engineIdentity) {
    this.cases = cases;
    this.runtimeService = runtimeService;
    this.engineIdentity = engineIdentity;
  }

  /**
   * @param cveId only for the security team until the case is disclosed (R27)
   * @param timeline every planned and actual date of the case, by variable name
   * @param waitingAt the ids of the model's elements the case waits at (tasks, timers, queued jobs)
   * @param incidents open incidents: steps that failed after their retries (a notice not delivered, say)
   */
  record CaseState(String caseId, String status, String severity, String cveId, Map<String, Instant> timeline,
      List<String> waitingAt, long incidents, boolean ended) {}

  @Operation(summary = "The state of a case: status, severity, dates, where it waits (security-team, managers)",
      description = "State only, never the report's content; the CVE ID for managers only once disclosed (R27)")
  @ApiResponse(responseCode = "200", description = "The state of the case")
  @ApiResponse(responseCode = "403", description = "Neither security-team nor managers")
  @ApiResponse(responseCode = "404", description = "No such case")
  @GetMapping("/api/v1/cases/{caseId}")
  CaseState state(@PathVariable String caseId, Authentication caller) {
    boolean securityTeam = caller.getAuthorities().stream()
        .anyMatch(authority -> authority.getAuthority().equals(Groups.authority(Groups.SECURITY_TEAM)));
    // the caller's group was checked at the door; the state is read as the service, since
    // managers may not read a case's variables through the engine
    return engineIdentity.runAsService(() -> read(caseId, securityTeam));
  }

  private CaseState read(String caseId, boolean securityTeam) {
    HistoricProcessInstance instance = cases.find(caseId)
        .orElseThrow(() -> UnknownCaseException.noCase(caseId));
    Map<String, Object> state = cases.variables(instance, STATE_VARIABLES.toArray(String[]::new));
    boolean ended = instance.getEndTime() != null;
    List<String> waitingAt = ended ? List.of() : waitingAt(runtimeService.getActivityInstance(instance.getId()));
    String status = (String) state.get(STATUS);
    boolean disclosed = VulnerabilityStatus.DISCLOSED.name().equals(status);
    Map<String, Instant> timeline = new LinkedHashMap<>();
    for (String name : STATE_VARIABLES) {
      Instant date = instant(state.get(name));
      if (date != null) {
        timeline.put(name, date);
      }
    }
    long incidents = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count();
    return new CaseState(caseId, status, (String) state.get(SEVERITY),
        securityTeam || disclosed ? (String) state.get(CVE_ID) : null, timeline, waitingAt, incidents, ended);
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
}
