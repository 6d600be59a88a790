package io.github.securityrelease.distributors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * R25: camunda-admin imports a list vetted under the project's earlier process (SecurityConfig).
 * R27: the answer holds the imported names only, no ids (sequential, they would tell the
 * list's size), and the administrator still reads nothing of the list.
 */
@RestController
@RequestMapping(path = "/api/v1/distributors/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Distributors", description = "The private distributors list, the security team's alone (R14, R16, R25, R26)")
class DistributorImportController {

  private final DistributorImport imports;

  DistributorImportController(DistributorImport imports) {
    this.imports = imports;
  }

  record ImportRequest(
      @NotEmpty @Size(max = DistributorImport.MAX_DISTRIBUTORS)
      List<@NotNull @Valid ImportedDistributor> distributors) {}

  record Imported(List<String> imported) {}

  @Operation(summary = "Import distributors vetted under an earlier process, all or none (R25; camunda-admin)",
      description = "201 with the imported names; each is active and IMPORTED by the caller in its change log."
          + " 400 naming each bad field (distributors[i].<field>; vouchedBy a current security-team member; a name"
          + " twice; distributors[i].openpgpKeys[j] for an OpenPGP key refused, R14), 409 naming every entry on record (removed ones too) or under application, 413 over 64 KiB")
  @ApiResponse(responseCode = "201", description = "Imported: the names")
  @ApiResponse(responseCode = "403", description = "Not camunda-admin")
  @ApiResponse(responseCode = "409", description = "An entry on record or under application, each named")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Imported> importAll(@Valid @RequestBody ImportRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(imports.importAll(request.distributors())));
  }
}
