package io.github.securityrelease.distributors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The distributors list, for the security team alone (SecurityConfig). */
@RestController
@RequestMapping(path = "/api/v1/distributors", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Distributors", description = "The private distributors list, the security team's alone (R14, R16, R25, R26)")
class DistributorController {

  private final DistributorRegistry registry;
  private final DistributorChangeLog changes;

  DistributorController(DistributorRegistry registry, DistributorChangeLog changes) {
    this.registry = registry;
    this.changes = changes;
  }

  @Operation(summary = "Every distributor on record, removed ones too")
  @ApiResponse(responseCode = "200", description = "Every distributor")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @GetMapping
  List<Distributor> list() {
    return registry.all();
  }

  @Operation(summary = "One distributor")
  @ApiResponse(responseCode = "200", description = "The distributor")
  @ApiResponse(responseCode = "400", description = "The id is not a number")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such distributor")
  @GetMapping("/{id}")
  Distributor get(@PathVariable long id) {
    return registry.find(id).orElseThrow(() -> new UnknownDistributorException(id));
  }

  /** The audit trail of a distributor: every change, who made it and when. */
  @Operation(summary = "Every change of a distributor: action, by whom, when")
  @ApiResponse(responseCode = "200", description = "The change log, oldest first")
  @ApiResponse(responseCode = "400", description = "The id is not a number")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such distributor")
  @GetMapping("/{id}/changes")
  List<DistributorChangeLog.Entry> changes(@PathVariable long id) {
    registry.find(id).orElseThrow(() -> new UnknownDistributorException(id));
    return changes.of(id);
  }

  /**
   * R25: the team puts nobody on the list by hand, so that the review of the eight criteria and
   * the voucher's own confirmation are never skipped; the answer says where to go instead.
   * The body is not read: nothing here depends on it.
   */
  @Operation(summary = "Refused (R25): 403, a distributor joins through an accepted application",
      description = "Always 403 problem+json pointing to POST /api/v1/distributor-applications; a list vetted under"
          + " an earlier process is imported by camunda-admin (POST /api/v1/distributors/imports)")
  @ApiResponse(responseCode = "403", description = "Always: a distributor joins through an accepted application (R25)")
  @PostMapping
  ResponseEntity<Void> register() {
    throw new ResponseStatusException(HttpStatus.FORBIDDEN, "A distributor joins the list only through an accepted"
        + " application (R25): POST /api/v1/distributor-applications. A list vetted under an earlier process is"
        + " imported by camunda-admin: POST /api/v1/distributors/imports");
  }

  @Operation(summary = "Change a distributor's name, contacts or OpenPGP keys, or deactivate it; never activate it (R25)",
      description = "400 naming active for an inactive one made active, vouchedBy or embargoPolicyAcceptedAt when"
          + " they differ from the record; openpgpKeys (R14), each ASCII-armoured, replace the keys on record (absent:"
          + " kept; empty: none), 400 naming openpgpKeys[i] for one expired, revoked, without an encryption subkey,"
          + " too weak, secret or unreadable, nothing changed; 404; 409 once removed or for a name on record")
  @ApiResponse(responseCode = "200", description = "The distributor as changed")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such distributor")
  @ApiResponse(responseCode = "409", description = "Removed, or a name on record")
  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Distributor update(@PathVariable long id, @Valid @RequestBody DistributorRequest request) {
    return registry.update(id, request).orElseThrow(() -> new UnknownDistributorException(id));
  }

  /** R26: off the list for good, on record with {@code reason}; {@code 204} again for one removed already. */
  @Operation(summary = "Remove a distributor for good, on record with a reason (R26)")
  @ApiResponse(responseCode = "204", description = "Removed, now or before")
  @ApiResponse(responseCode = "400", description = "The id is not a number, or the reason is too long")
  @ApiResponse(responseCode = "403", description = "Not in security-team")
  @ApiResponse(responseCode = "404", description = "No such distributor")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> remove(@PathVariable long id, @RequestParam(required = false) String reason) {
    registry.remove(id, reason).orElseThrow(() -> new UnknownDistributorException(id));
    return ResponseEntity.noContent().build();
  }
}
