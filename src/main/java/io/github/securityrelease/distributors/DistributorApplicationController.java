package io.github.securityrelease.distributors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** R25: anyone may apply to join the private distributors list; nobody learns anything back but the application ID. */
@RestController
@RequestMapping("/api/v1/distributor-applications")
@Tag(name = "Distributor applications", description = "R25 applying to join the private distributors list: no login")
class DistributorApplicationController {

  private final ApplicationIntake intake;

  DistributorApplicationController(ApplicationIntake intake) {
    this.intake = intake;
  }

  record Received(String applicationId) {}

  @Operation(summary = "Apply to join the private distributors list (R25)",
      description = "202 with the application ID; the contacts get an acknowledgement, the security team reviews the"
          + " eight criteria and the member named in vouchedBy confirms. 400 naming each bad field (vouchedBy must be a"
          + " current security-team member; openpgpKeys[i] for an OpenPGP key refused, R14), 409 for an organisation on record (removed ones too) or under way,"
          + " 413, 415, 429 with Retry-After past the rate limit")
  @ApiResponse(responseCode = "202", description = "Received: the application ID")
  @ApiResponse(responseCode = "409", description = "An organisation on record or under way")
  @ApiResponse(responseCode = "429", description = "Past the rate limit: retry after Retry-After seconds")
  @SecurityRequirements
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Received> apply(@Valid @RequestBody DistributorApplication application) {
    return ResponseEntity.accepted().body(new Received(intake.receive(application)));
  }
}
