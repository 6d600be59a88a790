package io.github.securityrelease.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret in a reporter's link: 256 random bits, URL-safe (Base64url, 43 characters), and
 * its SHA-256 hash, the only form the service keeps. Random bits need no salt nor slow hash.
 */
public final class LinkToken {

  private static final int BYTES = 32;
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private LinkToken() {}

  public static String generate() {
    byte[] secret = new byte[BYTES];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The SHA-256 hash of {@code token}, in lower-case hex. */
  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** Whether {@code text} can be a token at all: anything else is not looked up. */
  public static boolean wellFormed(String text) {
    return text != null && WELL_FORMED.matcher(text).matches();
  }
}
