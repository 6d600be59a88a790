package io.github.securityrelease.notification;

import io.github.securityrelease.cases.Cases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The ledger rows of a case, for the security team. */
@RestController
@Tag(name = "Cases")
class NotificationController {

  private final NotificationLedger ledger;
  private final Cases cases;

  NotificationController(NotificationLedger ledger, Cases cases) {
    this.ledger = ledger;
    this.cases = cases;
  }

  @Operation(summary = "The case's notification ledger: every message, its recipients and status (security-team)")
  @ApiResponse(responseCode = "200", description = "The ledger rows, oldest first")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such case")
  @GetMapping("/api/v1/cases/{caseId}/notifications")
  List<Notification> notifications(@PathVariable String caseId) {
    return cases.rowsOf(caseId, ledger.findByCase(caseId));
  }
}
