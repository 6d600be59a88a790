package io.github.securityrelease.reporter;

import io.github.securityrelease.cases.CaseVariables;
import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.cases.UnknownCaseException;
import io.github.securityrelease.security.EngineIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The security team's hold on the links to a reporter's page (security-team only, SecurityConfig):
 * revoke them, or revoke them and mail the reporter a new one (from a job: reporter-link.bpmn).
 */
@RestController
@Tag(name = "Reporter's page", description = "The link to the reporter's private page for a case")
class ReporterLinkController {

  static final String MESSAGE_REPORTER_LINK_REQUESTED = "ReporterLinkRequested";

  private static final Logger log = LoggerFactory.getLogger(ReporterLinkController.class);

  private final ReporterLinks links;
  private final Cases cases;
  private final RuntimeService runtimeService;
  private final EngineIdentity engineIdentity;
  private final Clock clock;

  ReporterLinkController(ReporterLinks links, Cases cases, RuntimeService runtimeService, EngineIdentity engineIdentity,
      Clock clock) {
    this.links = links;
    this.cases = cases;
    this.runtimeService = runtimeService;
    this.engineIdentity = engineIdentity;
    this.clock = clock;
  }

  @Operation(summary = "Revoke the links to the reporter's page of a case (security-team)",
      description = "Every link of the case stops working at once; the page answers 404 to them")
  @ApiResponse(responseCode = "204", description = "Revoked (also when none worked)")
  @ApiResponse(responseCode = "403", description = "Not security-team")
  @ApiResponse(responseCode = "404", description = "No such case")
  @DeleteMapping("/api/v1/cases/{caseId}/reporter-link")
  ResponseEntity<Void> revoke(@PathVariable String caseId, Authentication caller) {
    requireCase(caseId);
    int revoked = links.revoke(caseId);
    log.info("{} revoked {} link(s) to the reporter's page of {}", caller.getName(), revoked, caseId);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Revoke the links to the reporter's page and mail the reporter a new one (security-team)",
      description = "The old links stop working at once; the new one is minted and mailed by an engine job with "
          + "retries, on record in the case's notifications (REPORTER_LINK)")
  @ApiResponse(responseCode = "202", description = "Revoked; the new link is on its way")
  @ApiResponse(responseCode = "403", description = "Not security-team")
  @ApiResponse(responseCode = "404", description = "No such case")
  @PostMapping("/api/v1/cases/{caseId}/reporter-link")
  ResponseEntity<Void> renew(@PathVariable String caseId, Authentication caller) {
    requireCase(caseId);
    int revoked = links.revoke(caseId);
    engineIdentity.runAsService(() -> runtimeService.startProcessInstanceByMessage(MESSAGE_REPORTER_LINK_REQUESTED,
        Map.of(CaseVariables.CASE_ID, caseId, MailNewReporterLink.REQUESTED_AT, Date.from(clock.instant()))));
    log.info("{} revoked {} link(s) to the reporter's page of {} and asked for a new one", caller.getName(), revoked,
        caseId);
    return ResponseEntity.accepted().build();
  }

  private void requireCase(String caseId) {
    // the caller's group was checked at the door; the case is read as the service
    if (!engineIdentity.runAsService(() -> cases.exists(caseId))) {
      throw UnknownCaseException.noCase(caseId);
    }
  }
}
