package io.github.securityrelease.distributors;

import java.time.Instant;
import java.util.List;

/**
 * One organisation on the private distributors list (R25) and where it stands. A removed
 * distributor stays on record (R26) with {@code removedAt} and {@code removalReason}.
 *
 * @param changedBy the user who made the last change; null when the service made it
 * @param openpgpKeys the OpenPGP keys it registered for the embargoed notices (R14, R16), in its order
 */
public record Distributor(
    long id,
    String organisation,
    List<String> contacts,
    boolean active,
    Instant embargoPolicyAcceptedAt,
    String vouchedBy,
    Instant createdAt,
    Instant updatedAt,
    String changedBy,
    Instant removedAt,
    String removalReason,
    List<RegisteredKey> openpgpKeys) {

  public Distributor {
    contacts = List.copyOf(contacts);
    openpgpKeys = List.copyOf(openpgpKeys);
  }

  Distributor with(List<String> contacts, List<RegisteredKey> openpgpKeys) {
    return new Distributor(id, organisation, contacts, active, embargoPolicyAcceptedAt, vouchedBy, createdAt, updatedAt,
        changedBy, removedAt, removalReason, openpgpKeys);
  }
}
