package io.github.securityrelease.distributors;

import io.github.securityrelease.engine.MaxCharacters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** R26: embargo leaks and removal proposals, for the security team alone (SecurityConfig). */
@RestController
@RequestMapping(path = "/api/v1/distributors/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Distributors", description = "The private distributors list, the security team's alone (R14, R16, R25, R26)")
class DistributorLeakController {

  private final DistributorLeaks leaks;
  private final DistributorRegistry registry;

  DistributorLeakController(DistributorLeaks leaks, DistributorRegistry registry) {
    this.leaks = leaks;
    this.registry = registry;
  }

  record RemovalProposal(@NotBlank @MaxCharacters(DistributorRegistry.MAX_REASON_LENGTH) String reason) {}

  record Proposed(long distributorId, String businessKey) {}

  @Operation(summary = "Record an embargo leak by a distributor (R26)",
      description = "201 and the leak; the team is alerted, and from the second leak on the distributor's removal is"
          + " proposed (\"Decide removal\"). 400 naming each bad field, 404, 409 for a removed distributor")
  @ApiResponse(responseCode = "201", description = "The leak on record")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such distributor")
  @ApiResponse(responseCode = "409", description = "A removed distributor")
  @PostMapping(path = "/leaks", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Leak> report(@PathVariable long id, @Valid @RequestBody LeakRequest request) {
    Leak leak = leaks.report(id, request);
    return ResponseEntity.created(URI.create("/api/v1/distributors/" + id + "/leaks")).body(leak);
  }

  @Operation(summary = "Every embargo leak of a distributor on record, oldest first (R26)")
  @ApiResponse(responseCode = "200", description = "The leaks, oldest first")
  @ApiResponse(responseCode = "400", description = "The id is not a number")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such distributor")
  @GetMapping("/leaks")
  List<Leak> list(@PathVariable long id) {
    registry.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No distributor " + id));
    return leaks.of(id);
  }

  @Operation(summary = "Propose the removal of a distributor that no longer meets the criteria (R26)",
      description = "202: \"Decide removal\" waits for the security team. 400 without a reason, 404, 409 for a removed"
          + " distributor or one whose removal is being decided")
  @ApiResponse(responseCode = "202", description = "Proposed: \"Decide removal\" waits for the security team")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such distributor")
  @ApiResponse(responseCode = "409", description = "Removed, or its removal is being decided")
  @PostMapping(path = "/removal-proposals", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Proposed> proposeRemoval(@PathVariable long id, @Valid @RequestBody RemovalProposal proposal) {
    leaks.proposeRemoval(id, proposal.reason().strip());
    return ResponseEntity.accepted().body(new Proposed(id, ApplicationVariables.distributorKey(id)));
  }
}
