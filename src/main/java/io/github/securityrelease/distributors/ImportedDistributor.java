package io.github.securityrelease.distributors;

import io.github.securityrelease.engine.MaxCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;

/**
 * One distributor of a list vetted under the project's earlier process (R25): it comes over
 * active, so it must say when it accepted the embargo policy and which current member of the
 * security team vouches for it. Its OpenPGP keys (R14), each ASCII-armoured, are optional.
 */
record ImportedDistributor(
    @NotBlank @MaxCharacters(200) @Pattern(regexp = DistributorRequest.ONE_LINE, message = "must be a single line")
    String organisation,
    @ContactAddresses List<@ContactAddress String> contacts,
    @NotNull Instant embargoPolicyAcceptedAt,
    @NotBlank @MaxCharacters(64) @Pattern(regexp = DistributorRequest.USER_ID, message = "must be a user id")
    String vouchedBy,
    List<String> openpgpKeys) {

  DistributorRequest asActive() {
    return new DistributorRequest(organisation.strip(), contacts, true, embargoPolicyAcceptedAt, vouchedBy,
        openpgpKeys);
  }
}
