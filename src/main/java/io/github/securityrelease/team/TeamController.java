package io.github.securityrelease.team;

import io.github.securityrelease.engine.MaxCharacters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Joining (R21) and leaving (R22) the security team; SecurityConfig lets in who may ask. */
@RestController
@RequestMapping(path = "/api/v1/team", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Team", description = "Security team membership: nominations (R21), stepping down (R22)")
class TeamController {

  /**
   * @param userId the Camunda user id of the nominee
   * @param reason why they are nominated; the team reads it at the rotation's review
   */
  record NominationRequest(
      @NotBlank @MaxCharacters(CheckNomination.MAX_USER_ID)
      @Pattern(regexp = CheckNomination.USER_ID_FORMAT, message = "must be a user id") String userId,
      @NotBlank @MaxCharacters(CheckNomination.MAX_REASON) String reason) {}

  /**
   * @param userId the nominee, now an associate, and the business key of their membership process
   * @param processInstanceId the membership process of team-membership.bpmn
   */
  record Nomination(String userId, String processInstanceId) {}

  private final Membership membership;
  private final TeamGroups groups;

  TeamController(Membership membership, TeamGroups groups) {
    this.membership = membership;
    this.groups = groups;
  }

  @Operation(summary = "Nominate a user: they join the security associates for the rotation (sig-maintainers, "
      + "security-team; R21); 404 unknown user, 409 an associate, member or membership process already")
  @ApiResponse(responseCode = "201", description = "Nominated: an associate now, their membership process started")
  @ApiResponse(responseCode = "403", description = "Not a SIG maintainer or security-team member")
  @ApiResponse(responseCode = "404", description = "No such user")
  @ApiResponse(responseCode = "409", description = "An associate, a member, or a membership process already")
  @PostMapping(path = "/nominations", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Nomination> nominate(@Valid @RequestBody NominationRequest request) {
    membership.refusal(request.userId()).ifPresent(refusal -> {
      throw new ResponseStatusException(refusal == Membership.NominationRefusal.UNKNOWN_USER
          ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, refusal.message(request.userId()));
    });
    // started as the caller: the engine checks they may, and keeps them as nominatedBy
    ProcessInstance process = membership.nominate(request.userId(), request.reason().strip());
    return ResponseEntity.status(HttpStatus.CREATED).body(new Nomination(request.userId(), process.getId()));
  }

  @Operation(summary = "Step down from the security team or the associates, at once (the member themself only; "
      + "R22); 403 for anyone else, whoever they are (removing another member is the vote's, R23); 404 unknown "
      + "user, 409 neither member nor associate")
  @ApiResponse(responseCode = "204", description = "Stepped down")
  @ApiResponse(responseCode = "403", description = "Anyone but the member themself")
  @ApiResponse(responseCode = "404", description = "No such user")
  @ApiResponse(responseCode = "409", description = "Neither member nor associate")
  @PostMapping("/members/{userId}/step-down")
  ResponseEntity<Void> stepDown(@PathVariable String userId, Authentication caller) {
    // checked before anything else: a refused request looks nothing up and changes nothing
    if (!caller.getName().equals(userId)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only " + userId
          + " may step down for themself (R22); removing another member is the team's vote (R23)");
    }
    if (groups.user(userId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No user " + userId);
    }
    if (!groups.isMember(userId) && !groups.isAssociate(userId)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, userId + " is neither member nor associate");
    }
    membership.stepDown(userId);
    return ResponseEntity.noContent().build();
  }
}
