package io.github.securityrelease.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The public intake: anyone may report, nobody learns anything back but the case ID. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "R1 the public intake: no login")
class ReportController {

  private final ReportIntake intake;
  private final ApplicationAvailability availability;

  ReportController(ReportIntake intake, ApplicationAvailability availability) {
    this.intake = intake;
    this.availability = availability;
  }

  record Created(String caseId, Instant acknowledgementDueBy) {}

  @Operation(summary = "Report a suspected vulnerability",
      description = "201 with the case ID and the acknowledgement deadline (R2); 400 naming each bad field, 413, 415, 429 "
          + "with Retry-After past the rate limit, 503 while the service starts")
  @ApiResponse(responseCode = "201", description = "The case ID and the acknowledgement deadline (Location: the case)")
  @ApiResponse(responseCode = "429", description = "Past the rate limit: retry after Retry-After seconds")
  @ApiResponse(responseCode = "503", description = "The service is starting: retry after Retry-After seconds")
  @SecurityRequirements
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Created> report(@Valid @RequestBody ReportRequest report) {
    // the web server listens a moment before the models are deployed: say so rather than fail
    if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The service is starting: please retry in a few seconds");
    }
    ReportIntake.Receipt receipt = intake.receive(report);
    return ResponseEntity.created(URI.create("/api/v1/cases/" + receipt.caseId()))
        .body(new Created(receipt.caseId(), receipt.acknowledgementDueBy()));
  }
}
