package io.github.securityrelease.distributors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A distributor as the security team enters it: the whole of it, for a new one and for a
 * change alike. The id comes from the path, the rest of the record from the service.
 */
@VouchedWhenActive
record DistributorRequest(
    @NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = "must be a single line") String organisation,
    @ContactAddresses List<@ContactAddress String> contacts,
    @NotNull Boolean active,
    Instant embargoPolicyAcceptedAt,
    @Size(max = 64) @Pattern(regexp = USER_ID, message = "must be a user id") String vouchedBy) {

  static final String ONE_LINE = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*";

  /** Camunda's user ids (camunda.bpm.generic-properties userResourceWhitelistPattern). */
  static final String USER_ID = "[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*";

  boolean activeRequested() {
    return Boolean.TRUE.equals(active);
  }
}
