package io.github.securityrelease.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** A message to send: what kind, about which case, to whom, and its rendered text. */
public record Notice(NotificationKind kind, String caseId, List<String> recipients, String subject, String body) {

  public Notice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    recipients = List.copyOf(new TreeSet<>(recipients));
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("The " + kind + " notice of " + caseId + " has no recipient");
    }
  }

  /** The same kind, case and recipients make the same notice, which is sent only once. */
  String dedupeKey() {
    return kind + ":" + caseId + ":" + sha256(String.join(",", recipients));
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
