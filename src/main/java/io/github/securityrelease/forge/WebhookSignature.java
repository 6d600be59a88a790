package io.github.securityrelease.forge;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's signature of a webhook delivery: {@code X-Hub-Signature-256: sha256=<hex>}, the
 * HMAC-SHA256 of the raw body with the webhook's secret. What the service learns of a merge
 * (R17) is trusted only when it holds, so it is checked before the body is read as anything.
 */
final class WebhookSignature {

  static final String HEADER = "X-Hub-Signature-256";

  private static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";
  private static final int HEX_DIGITS = 64;

  /** What the header says of the body. */
  enum Verdict {
    VALID("is valid"),
    MISSING("is missing"),
    MALFORMED("is not sha256= and 64 hex digits"),
    WRONG("does not match the body");

    private final String detail;

    Verdict(String detail) {
      this.detail = detail;
    }

    /** What the refused sender is told: never the expected value. */
    String detail() {
      return "The " + HEADER + " header " + detail;
    }
  }

  private final SecretKeySpec key;

  WebhookSignature(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("The webhook secret is not set");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  Verdict verify(byte[] body, String header) {
    if (header == null || header.isEmpty()) {
      return Verdict.MISSING;
    }
    if (!header.startsWith(PREFIX) || header.length() != PREFIX.length() + HEX_DIGITS) {
      return Verdict.MALFORMED;
    }
    byte[] claimed;
    try {
      claimed = HexFormat.of().parseHex(header, PREFIX.length(), header.length());
    } catch (IllegalArgumentException e) {
      return Verdict.MALFORMED;
    }
    // constant time: how much of a guess matched is not told by when the answer comes
    return MessageDigest.isEqual(hmac(body), claimed) ? Verdict.VALID : Verdict.WRONG;
  }

  private byte[] hmac(byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
