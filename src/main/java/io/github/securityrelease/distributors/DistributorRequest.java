package io.github.securityrelease.distributors;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
    @NotEmpty @Size(max = MAX_CONTACTS) @DistinctAddresses List<
        @NotBlank @Size(max = 254) @Email
        @Pattern(regexp = PLAIN_ADDRESS, message = "must be a plain address, without spaces, line breaks"
            + " or any of \" , ; < > ( ) [ ] \\") String> contacts,
    @NotNull Boolean active,
    Instant embargoPolicyAcceptedAt,
    @Size(max = 64) @Pattern(regexp = USER_ID, message = "must be a user id") String vouchedBy) {

  static final int MAX_CONTACTS = 20;

  static final String ONE_LINE = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*";

  /**
   * What {@code @Email} lets through in quoted local parts but a notice's recipient list and
   * mail headers must never see: separators, line breaks, quotes, brackets.
   */
  static final String PLAIN_ADDRESS = "[^\\p{Cc}\\p{Z}\",;<>()\\[\\]\\\\]*";

  /** Camunda's user ids (camunda.bpm.generic-properties userResourceWhitelistPattern). */
  static final String USER_ID = "[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*";

  boolean activeRequested() {
    return Boolean.TRUE.equals(active);
  }
}
