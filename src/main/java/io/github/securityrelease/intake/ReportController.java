package io.github.securityrelease.intake;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public intake: anyone may report, nobody learns anything back but the case ID. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

  private final ReportIntake intake;

  ReportController(ReportIntake intake) {
    this.intake = intake;
  }

  record Created(String caseId, Instant acknowledgementDueBy) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Created> report(@Valid @RequestBody ReportRequest report) {
    ReportIntake.Receipt receipt = intake.receive(report);
    return ResponseEntity.created(URI.create("/api/v1/cases/" + receipt.caseId()))
        .body(new Created(receipt.caseId(), receipt.acknowledgementDueBy()));
  }
}
