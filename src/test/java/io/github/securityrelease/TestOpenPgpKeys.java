package io.github.securityrelease;

import io.github.securityrelease.distributors.OpenPgpKey;
import io.github.securityrelease.distributors.OpenPgpKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The distributors' OpenPGP public keys the tests register: made once by GnuPG, kept in
 * src/test/resources/openpgp with the script that made them (make-keys.sh). No secret key is
 * kept there.
 */
public final class TestOpenPgpKeys {

  /** A moment at which every key but {@code expired} and {@code subkey-expired} is valid. */
  public static final Instant NOW = Instant.parse("2026-12-03T00:00:00Z");

  private TestOpenPgpKeys() {}

  /** The key {@code name} ({@code rsa4096}, {@code ed25519}, {@code nistp256}, ...) as GnuPG exported it. */
  public static String armoured(String name) {
    try (InputStream in = TestOpenPgpKeys.class.getResourceAsStream("/openpgp/" + name + ".asc")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The key {@code name} read as the registry reads it, at {@link #NOW}. */
  public static OpenPgpKey key(String name) {
    return OpenPgpKeys.read(armoured(name), NOW);
  }
}
