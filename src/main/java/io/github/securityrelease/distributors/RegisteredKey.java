package io.github.securityrelease.distributors;

import java.time.Instant;
import java.util.List;

/**
 * What the registry shows of a distributor's OpenPGP key (R14, R16): enough for the team to
 * compare the fingerprint with the distributor and to see when the key runs out. The armoured
 * key itself stays with {@link DistributorKeys}.
 *
 * @param expiresAt when it stops being usable for encryption; null when it does not expire
 */
public record RegisteredKey(String fingerprint, String algorithm, int bits, Instant createdAt, Instant expiresAt,
    List<String> userIds) {

  public RegisteredKey {
    userIds = List.copyOf(userIds);
  }

  static RegisteredKey of(OpenPgpKey key) {
    return new RegisteredKey(key.fingerprint(), key.algorithm(), key.bits(), key.createdAt(), key.expiresAt(),
        key.userIds());
  }
}
