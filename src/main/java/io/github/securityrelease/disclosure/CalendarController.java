package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.PROCESS_KEY;

import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.security.EngineIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The timeline at a glance: a case's planned dates (for the security team), and every open
 * case's dates with nothing but the case ID (R27), as iCalendar files to subscribe to.
 * Who may call which is decided at the door ({@code SecurityConfig}); the variables are then
 * read as the service, as for the case state.
 */
@RestController
@Tag(name = "Cases")
class CalendarController {

  static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

  private final Cases cases;
  private final RuntimeService runtimeService;
  private final EngineIdentity engineIdentity;
  private final Clock clock;

  CalendarController(Cases cases, RuntimeService runtimeService, EngineIdentity engineIdentity, Clock clock) {
    this.cases = cases;
    this.runtimeService = runtimeService;
    this.engineIdentity = engineIdentity;
    this.clock = clock;
  }

  /** One case, open or ended (from history, like the case state): its dates with title, rule and CVE ID. */
  @Operation(summary = "The case's planned dates as an iCalendar file (security-team)")
  @ApiResponse(responseCode = "200", description = "RFC 5545 iCalendar, inline, never cached",
      content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such case")
  @GetMapping("/api/v1/cases/{caseId}/timeline.ics")
  ResponseEntity<byte[]> timeline(@PathVariable String caseId) {
    Map<String, Object> variables = engineIdentity.runAsService(() -> cases.find(caseId)
        .map(found -> cases.variables(found, CaseCalendar.VARIABLES.toArray(String[]::new))))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseId));
    String calendar = CaseCalendar.write(caseId + " timeline", CaseCalendar.timeline(caseId, variables),
        clock.instant());
    return calendar(calendar, caseId + ".ics");
  }

  /** Every open case: case IDs and dates only, so that it shows no embargoed detail (R27). */
  @Operation(summary = "Every open case's dates with its case ID alone, as an iCalendar file (security-team, managers; R27)")
  @ApiResponse(responseCode = "200", description = "RFC 5545 iCalendar, inline, never cached",
      content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "403", description = "Neither security-team nor managers")
  @GetMapping("/api/v1/calendar.ics")
  ResponseEntity<byte[]> openCases() {
    List<CaseCalendar.Event> events = engineIdentity.runAsService(this::openCaseEvents);
    return calendar(CaseCalendar.write("Security releases: open cases", events, clock.instant()),
        "security-releases.ics");
  }

  private static ResponseEntity<byte[]> calendar(String calendar, String filename) {
    return ResponseEntity.ok()
        .contentType(TEXT_CALENDAR)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
        // embargoed dates: no cache on the way may keep them
        .cacheControl(CacheControl.noStore())
        .body(calendar.getBytes(StandardCharsets.UTF_8));
  }

  private List<CaseCalendar.Event> openCaseEvents() {
    Map<String, String> caseIds = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .list().stream()
        .filter(instance -> instance.getBusinessKey() != null)
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    if (caseIds.isEmpty()) {
      return List.of();
    }
    // one query for the dates of every case; only the variables on a case's own scope count
    Map<String, Map<String, Object>> dates = runtimeService.createVariableInstanceQuery()
        .variableNameIn(CaseCalendar.DATE_VARIABLES.toArray(String[]::new))
        .list().stream()
        .filter(variable -> caseIds.containsKey(variable.getProcessInstanceId())
            && variable.getProcessInstanceId().equals(variable.getExecutionId())
            && variable.getValue() != null)
        .collect(Collectors.groupingBy(VariableInstance::getProcessInstanceId,
            Collectors.toMap(VariableInstance::getName, VariableInstance::getValue)));
    List<CaseCalendar.Event> events = new ArrayList<>();
    caseIds.forEach((processInstanceId, caseId) ->
        events.addAll(CaseCalendar.overview(caseId, dates.getOrDefault(processInstanceId, Map.of()))));
    return events;
  }
}
