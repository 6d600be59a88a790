package io.github.securityrelease.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for the security team alone (SecurityConfig): managers read no one's. */
@RestController
@Tag(name = "Audit", description = "Token creation, use (per day and address) and revocation, for the security team")
class AuditController {

  private final AuditLog log;

  AuditController(AuditLog log) {
    this.log = log;
  }

  @Operation(summary = "The latest events of the audit log, newest first",
      description = "At most " + AuditLog.LATEST + " events: who, what, when and from which address; never a secret")
  @ApiResponse(responseCode = "200", description = "The events, newest first")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @GetMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
  List<AuditLog.Event> latest() {
    return log.latest();
  }
}
