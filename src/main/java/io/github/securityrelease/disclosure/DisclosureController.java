package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;

import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.cases.EmbargoBreaks;
import io.github.securityrelease.engine.MaxCharacters;
import io.github.securityrelease.engine.TaskInput;
import io.github.securityrelease.security.EngineIdentity;
import io.github.securityrelease.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The security team re-plans a case's disclosure (R14, R16) and reports an embargo break
 * (R15) through the API as well as by message: the same messages, correlated by case ID.
 */
@RestController
@Tag(name = "Cases")
class DisclosureController {

  private final Cases cases;
  private final DisclosurePlanner planner;
  private final EngineIdentity engineIdentity;
  private final EmbargoBreaks breaks;
  private final Clock clock;

  DisclosureController(Cases cases, DisclosurePlanner planner, EngineIdentity engineIdentity, EmbargoBreaks breaks,
      Clock clock) {
    this.cases = cases;
    this.planner = planner;
    this.engineIdentity = engineIdentity;
    this.breaks = breaks;
    this.clock = clock;
  }

  /**
   * @param reason why the plan changes, on record
   * @param shortEmbargoReason why the distributors get less than 7 days (R14) or 24 hours (R16):
   *     a short embargo needs a reason of its own, the re-plan's does not unlock it
   */
  record Reschedule(@NotBlank String publicDisclosureAt, String releaseAt, @MaxCharacters(TaskInput.MAX_TEXT) String reason,
      @MaxCharacters(TaskInput.MAX_TEXT) String shortEmbargoReason) {}

  record PlanView(Instant publicDisclosureAt, Instant releaseAt, Instant advanceNoticeAt, Instant releaseNoticeAt,
      boolean shortEmbargo) {}

  /** The fields are named as the message's variables are stored (docs/process-contract.md), and so they stay. */
  record EmbargoBreak(@NotBlank @MaxCharacters(200) String breachedBy, @NotBlank @MaxCharacters(TaskInput.MAX_TEXT) String breachDescription) {}

  @Operation(summary = "Re-plan the disclosure: every waiting timer moves (security-team; R14, R16)",
      description = "202 with the new plan; 400 naming the field the policy refuses (shortEmbargoReason for a short"
          + " embargo without its own reason; publicDisclosureAt for a later disclosure after RELEASE_NOW, R15);"
          + " 409 without a plan or once public")
  @ApiResponse(responseCode = "202", description = "The new plan; the waiting timers move")
  @ApiResponse(responseCode = "400", description = "A field the policy refuses: shortEmbargoReason, publicDisclosureAt (R15)")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No open case")
  @ApiResponse(responseCode = "409", description = "No plan yet, or public already")
  @PutMapping("/api/v1/cases/{caseId}/disclosure-plan")
  ResponseEntity<PlanView> reschedule(@PathVariable String caseId, @Valid @RequestBody Reschedule request,
      Principal caller) {
    Map<String, Object> state = planned(caseId);
    DisclosurePlan replanned;
    try {
      replanned = planner.plan(PlanDates.parse(request.publicDisclosureAt(), "publicDisclosureAt"),
          PlanDates.parse(request.releaseAt(), "releaseAt"), ReleaseNowRequest.noEmbargoToProtect(state::get),
          request.shortEmbargoReason(), clock.instant());
      ReleaseNowRequest.checkReplan(ReleaseNowRequest.requested(state::get), PlanDates.parse(state.get(PUBLIC_DISCLOSURE_AT), PUBLIC_DISCLOSURE_AT),
          replanned);
    } catch (InvalidPlanException e) {
      throw new InvalidFieldException(e.field(), e.getMessage());
    }
    Map<String, Object> message = new HashMap<>();
    message.put(RESCHEDULED_PUBLIC_DISCLOSURE_AT, request.publicDisclosureAt());
    message.put(RESCHEDULED_RELEASE_AT, request.releaseAt());
    message.put(RESCHEDULE_REASON, request.reason());
    message.put(RESCHEDULED_SHORT_EMBARGO_REASON, request.shortEmbargoReason());
    // on record in the case's history with the time of the change (the audit trail)
    message.put(RESCHEDULED_BY, caller.getName());
    engineIdentity.runAsService(() -> cases.correlate(caseId, "DisclosureRescheduled", message));
    return ResponseEntity.accepted().body(new PlanView(replanned.publicDisclosureAt(), replanned.releaseAt(),
        replanned.advanceNoticeAt(), replanned.releaseNoticeAt(), replanned.shortEmbargo()));
  }

  @Operation(summary = "Report an embargo break: opens \"Assess embargo break\" (security-team; R15)",
      description = "202 at any time before the public disclosure, with or without a plan; 404 for no open case;"
          + " 409 once public")
  @ApiResponse(responseCode = "202", description = "Reported: \"Assess embargo break\" is open")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No open case")
  @ApiResponse(responseCode = "409", description = "Public already")
  @PostMapping("/api/v1/cases/{caseId}/embargo-breaks")
  ResponseEntity<Void> embargoBroken(@PathVariable String caseId, @Valid @RequestBody EmbargoBreak request,
      Principal caller) {
    Map<String, Object> variables = open(caseId);
    if (!EmbargoBreaks.underEmbargo(variables)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          caseId + " is not under embargo any more (status " + variables.get(STATUS) + ")");
    }
    engineIdentity.runAsService(() -> breaks.report(caseId, request.breachedBy(), request.breachDescription(),
        caller.getName()));
    return ResponseEntity.accepted().build();
  }

  /** The case's variables, if it has a disclosure plan and is not public yet; else 404 or 409. */
  private Map<String, Object> planned(String caseId) {
    Map<String, Object> variables = open(caseId);
    if (variables.get(ADVANCE_NOTICE_AT) == null || !EmbargoBreaks.underEmbargo(variables)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          caseId + " has no disclosure plan to change (status " + variables.get(STATUS) + ")");
    }
    return variables;
  }

  private Map<String, Object> open(String caseId) {
    return engineIdentity.runAsService(() -> cases.openCase(caseId))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No open case " + caseId));
  }
}
