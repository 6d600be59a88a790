package io.github.securityrelease.distributors;

import io.github.securityrelease.engine.MaxCharacters;
import io.github.securityrelease.web.InvalidFieldException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;

/**
 * A distributor's details: as an accepted application or an import puts it on the list, and
 * as the security team changes it ({@code PUT}), which may not make it active nor change how
 * it joined (R25). The id comes from the path, the rest of the record from the service.
 *
 * @param openpgpKeys R14, R16: the distributor's OpenPGP public keys, each ASCII-armoured, checked by
 *     {@link OpenPgpKeys}; they replace those on record. None ({@code null}) leaves a distributor's
 *     keys as they are; an empty list removes them.
 */
@VouchedWhenActive
record DistributorRequest(
    @NotBlank @MaxCharacters(200) @Pattern(regexp = ONE_LINE, message = "must be a single line") String organisation,
    @ContactAddresses List<@ContactAddress String> contacts,
    @NotNull Boolean active,
    Instant embargoPolicyAcceptedAt,
    @MaxCharacters(64) @Pattern(regexp = USER_ID, message = "must be a user id") String vouchedBy,
    List<String> openpgpKeys) {

  static final String ONE_LINE = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*$";

  /** Camunda's user ids (camunda.bpm.generic-properties userResourceWhitelistPattern). */
  static final String USER_ID = "^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$";

  /** Without keys: those on record stay. */
  DistributorRequest(String organisation, List<String> contacts, Boolean active, Instant embargoPolicyAcceptedAt,
      String vouchedBy) {
    this(organisation, contacts, active, embargoPolicyAcceptedAt, vouchedBy, null);
  }

  boolean activeRequested() {
    return Boolean.TRUE.equals(active);
  }

  /**
   * R25: as a change of {@code current}, this may rename it, change its contacts and take it
   * off the active list; only an accepted application makes a distributor active, and who
   * vouched and when it accepted the embargo policy stay the record of how it joined.
   */
  void refuseJoining(Distributor current) {
    if (activeRequested() && !current.active()) {
      throw new InvalidFieldException("active", "cannot make a distributor active: only an accepted application"
          + " does (R25), POST /api/v1/distributor-applications");
    }
    if (vouchedBy != null && !vouchedBy.equals(current.vouchedBy())) {
      throw new InvalidFieldException("vouchedBy", "is the member who vouched when the distributor joined and does"
          + " not change (R25)");
    }
    if (embargoPolicyAcceptedAt != null && !embargoPolicyAcceptedAt.equals(current.embargoPolicyAcceptedAt())) {
      throw new InvalidFieldException("embargoPolicyAcceptedAt", "is when the distributor accepted the embargo policy"
          + " to join and does not change (R25)");
    }
  }
}
