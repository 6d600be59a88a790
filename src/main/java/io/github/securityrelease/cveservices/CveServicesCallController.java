package io.github.securityrelease.cveservices;

import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.cases.OutsideCall;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The case's record of CVE Services: every call, for the security team (SecurityConfig checks the group first). */
@RestController
@Tag(name = "Cases")
class CveServicesCallController {

  private final CveServicesCalls calls;
  private final Cases cases;

  CveServicesCallController(CveServicesCalls calls, Cases cases) {
    this.calls = calls;
    this.cases = cases;
  }

  @Operation(summary = "The case's CVE Services calls: every call, when, and the answer's status (security-team; R12)")
  @ApiResponse(responseCode = "200", description = "The calls, oldest first")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such case")
  @GetMapping("/api/v1/cases/{caseId}/cve-services-calls")
  List<OutsideCall> cveServicesCalls(@PathVariable String caseId) {
    return cases.rowsOf(caseId, calls.findByCase(caseId));
  }
}
