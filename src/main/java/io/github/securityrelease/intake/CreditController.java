package io.github.securityrelease.intake;

import io.github.securityrelease.cases.Credit;
import io.github.securityrelease.cases.Credits;
import io.github.securityrelease.cases.UnknownCaseException;
import io.github.securityrelease.engine.MaxCharacters;
import io.github.securityrelease.security.EngineIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** R28: the security team corrects how the reporter is credited, until the case goes public. */
@RestController
@Tag(name = "Cases")
class CreditController {

  private final Credits credits;
  private final EngineIdentity engineIdentity;

  CreditController(Credits credits, EngineIdentity engineIdentity) {
    this.credits = credits;
    this.engineIdentity = engineIdentity;
  }

  /** @param credit a name or handle, one line; absent or blank: the reporter is named nowhere */
  record CreditChange(
      @MaxCharacters(Credit.MAX_CHARACTERS) @Pattern(regexp = Credit.ONE_LINE, message = Credit.ONE_LINE_MESSAGE) String credit) {}

  /** @param credit as the case keeps it now: stripped, null for none */
  record CreditView(String caseId, String credit) {}

  @Operation(summary = "Correct how the reporter is credited (security-team; R28)",
      description = "200 with the credit as kept; an absent or blank credit names the reporter nowhere. 400 naming credit"
          + " (more than " + Credit.MAX_CHARACTERS + " characters, a line break or another control character); 409 once"
          + " the case is public (PUBLIC_DISCLOSURE, DISCLOSED: the published texts carry the credit as it stood) or"
          + " ended. The change and who made it (creditCorrectedBy) are in the case's history")
  @ApiResponse(responseCode = "200", description = "The credit as the case keeps it")
  @ApiResponse(responseCode = "400", description = "credit is not one line of at most " + Credit.MAX_CHARACTERS + " characters")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such case")
  @ApiResponse(responseCode = "409", description = "The case is public or ended: the credit is settled")
  @PutMapping(path = "/api/v1/cases/{caseId}/credit", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  CreditView correct(@PathVariable String caseId, @Valid @RequestBody CreditChange change, Principal caller) {
    // the caller's group was checked at the door
    Credits.Outcome outcome = engineIdentity.runAsService(() -> credits.change(caseId, change.credit(), caller.getName()));
    return switch (outcome) {
      case CHANGED -> new CreditView(caseId, Credit.stored(change.credit()));
      case NO_CASE -> throw UnknownCaseException.noCase(caseId);
      case PUBLIC -> throw new ResponseStatusException(HttpStatus.CONFLICT,
          caseId + " is public: its advisory and release notes carry the credit as it stood (R28)");
      case ENDED -> throw new ResponseStatusException(HttpStatus.CONFLICT, caseId + " has ended: its credit is settled");
    };
  }
}
