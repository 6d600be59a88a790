package io.github.securityrelease.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A token's secret: 256 random bits behind a prefix of its own, so that secret scanners (and
 * people) recognise a leaked one, and its SHA-256 hash, the only form the service keeps. A
 * secret of 256 random bits needs no salt nor slow hash: there is nothing to guess.
 */
final class TokenSecret {

  static final String PREFIX = "sro_";

  private static final int BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecret() {}

  static String generate() {
    byte[] secret = new byte[BYTES];
    RANDOM.nextBytes(secret);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The SHA-256 hash of {@code secret}, in lower-case hex. */
  static String hash(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  static boolean looksLikeOne(String token) {
    return token.startsWith(PREFIX);
  }
}
