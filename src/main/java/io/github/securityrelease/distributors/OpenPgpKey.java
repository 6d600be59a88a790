package io.github.securityrelease.distributors;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An OpenPGP public key a distributor registered (R14, R16, R27): what it says of itself, and the
 * key itself, ASCII-armoured, to encrypt the embargoed notices to.
 *
 * @param fingerprint the primary key's fingerprint, upper-case hexadecimal without spaces
 * @param algorithm the primary key's algorithm, e.g. {@code RSA}, {@code EdDSA}
 * @param bits the primary key's size in bits
 * @param expiresAt when the key expires; null when it does not
 * @param userIds the key's user IDs, e.g. {@code Security <security@distro.example>}
 */
public record OpenPgpKey(String fingerprint, String algorithm, int bits, Instant createdAt, Instant expiresAt,
    List<String> userIds, String armoured) {

  public OpenPgpKey {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(armoured, "armoured");
    userIds = List.copyOf(userIds);
  }

  /** Not expired at {@code at} (revoked keys are refused when registered, R14). */
  public boolean validAt(Instant at) {
    return expiresAt == null || at.isBefore(expiresAt);
  }
}
