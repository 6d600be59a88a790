package io.github.securityrelease.distributors;

import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.cases.UnknownCaseException;
import io.github.securityrelease.security.EngineIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * R29: what the distributors said of the notices, for the security team alone (SecurityConfig:
 * managers get 403 before anything runs, R27, since the rows name the distributors).
 */
@RestController
@Tag(name = "Distributors", description = "The private distributors list, the security team's alone (R14, R16, R25, R26)")
class AcknowledgementController {

  private final AcknowledgementRecords records;
  private final DistributorRegistry registry;
  private final Cases cases;
  private final EngineIdentity engineIdentity;

  AcknowledgementController(AcknowledgementRecords records, DistributorRegistry registry, Cases cases,
      EngineIdentity engineIdentity) {
    this.records = records;
    this.registry = registry;
    this.cases = cases;
    this.engineIdentity = engineIdentity;
  }

  @Operation(summary = "A row per distributor told of the case: its notices, acknowledgement, status, feedback (R29)")
  @ApiResponse(responseCode = "200", description = "The rows, in the order the distributors were first told")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such case")
  @GetMapping(path = "/api/v1/cases/{caseId}/distributors", produces = MediaType.APPLICATION_JSON_VALUE)
  List<AcknowledgementRecords.Row> ofCase(@PathVariable String caseId) {
    if (!engineIdentity.runAsService(() -> cases.exists(caseId))) {
      throw UnknownCaseException.noCase(caseId);
    }
    return records.ofCase(caseId);
  }

  @Operation(summary = "A distributor's record across cases: notices, acknowledgements, statuses, feedback, leaks"
      + " (R26, R29)", description = "The facts to judge criterion 7, \"willing to contribute back\"")
  @ApiResponse(responseCode = "200", description = "The record")
  @ApiResponse(responseCode = "400", description = "The id is not a number")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such distributor")
  @GetMapping(path = "/api/v1/distributors/{id}/record", produces = MediaType.APPLICATION_JSON_VALUE)
  AcknowledgementRecords.DistributorRecord record(@PathVariable long id) {
    return records.ofDistributor(registry.find(id).orElseThrow(() -> new UnknownDistributorException(id)));
  }
}
