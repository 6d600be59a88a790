package io.github.securityrelease.assessment;

import static io.github.securityrelease.cases.CaseVariables.*;

import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.cases.RejectionReason;
import io.github.securityrelease.cases.UnknownCaseException;
import io.github.securityrelease.cases.VulnerabilityStatus;
import io.github.securityrelease.engine.MaxCharacters;
import io.github.securityrelease.engine.TaskInput;
import io.github.securityrelease.security.EngineIdentity;
import io.github.securityrelease.security.Groups;
import io.github.securityrelease.team.CaseLeads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * R4 after acceptance: the case's leads (those who decide "Validate report") reject an accepted
 * case, which ends it ("Reject the case"). Only while no distributor was told: once the advance
 * notice went out (or the case is public) the distributors hold it under embargo, and the way
 * out is the disclosure, not a silent rejection. Everything is checked before the engine works.
 */
@RestController
@Tag(name = "Cases")
class CaseRejectionController {

  /** The message of the model that starts "Reject the case". */
  static final String MESSAGE = "CaseRejected";

  private final Cases cases;
  private final CaseLeads leads;
  private final EngineIdentity engineIdentity;

  CaseRejectionController(Cases cases, CaseLeads leads, EngineIdentity engineIdentity) {
    this.cases = cases;
    this.leads = leads;
    this.engineIdentity = engineIdentity;
  }

  /** @param explanation what the reporter is told beside the reason (R4, R28); never published */
  record Rejection(@NotNull RejectionReason reason,
      @NotBlank @MaxCharacters(TaskInput.MAX_TEXT) String explanation) {}

  @Operation(summary = "Reject an accepted case: the reporter told why, a reserved CVE ID rejected, the draft"
      + " repository advisory closed (the case's leads; R4, R12, R28)",
      description = "202 once the case is rejected; allowed from acceptance until the advance notice goes out."
          + " 400 naming the field, 403 for anyone but the case's leads, 404 for no case, 409 before acceptance,"
          + " after the advance notice, once public, or for an ended case")
  @ApiResponse(responseCode = "202", description = "Rejected: the case ends, its open tasks and timers with it")
  @ApiResponse(responseCode = "400", description = "A field missing or wrong: reason, explanation")
  @ApiResponse(responseCode = "403", description = "Not one of the case's leads (security-team; associates where"
      + " they may lead the case, R24)")
  @ApiResponse(responseCode = "404", description = "No such case")
  @ApiResponse(responseCode = "409", description = "Not accepted yet, distributors told already, public, or ended")
  @PostMapping("/api/v1/cases/{caseId}/rejection")
  ResponseEntity<Void> reject(@PathVariable String caseId, @Valid @RequestBody Rejection request,
      Authentication caller) {
    Map<String, Object> variables = engineIdentity.runAsService(() -> cases.openCase(caseId))
        .orElseThrow(() -> ended(caseId));
    if (leads.groups(variables).stream().map(Groups::authority).noneMatch(authority -> holds(caller, authority))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the case's leads reject " + caseId + " (R4)");
    }
    if (!rejectable(variables)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, caseId + " cannot be rejected now (status "
          + variables.get(STATUS) + (variables.get(ADVANCE_NOTICE_SENT_AT) != null ? ", distributors told" : "")
          + "): only an accepted case before its advance notice");
    }
    Map<String, Object> message = new HashMap<>();
    message.put(REJECTION, request.reason().name());
    message.put(REJECTION_REASON, request.explanation());
    message.put(REJECTED_BY, caller.getName());
    engineIdentity.runAsService(() -> cases.correlate(caseId, MESSAGE, message));
    return ResponseEntity.accepted().build();
  }

  /**
   * R4 after acceptance: accepted (status REMEDIATION, which lasts until the advance notice goes
   * out and the status becomes RESTRICTED_DISCLOSURE), and no distributor told yet.
   */
  static boolean rejectable(Map<String, Object> variables) {
    return VulnerabilityStatus.REMEDIATION.name().equals(variables.get(STATUS))
        && variables.get(ADVANCE_NOTICE_SENT_AT) == null;
  }

  private RuntimeException ended(String caseId) {
    return engineIdentity.runAsService(() -> cases.exists(caseId))
        ? new ResponseStatusException(HttpStatus.CONFLICT, caseId + " has ended: there is nothing left to reject")
        : UnknownCaseException.noCase(caseId);
  }

  private static boolean holds(Authentication caller, String authority) {
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
  }
}
