package io.github.securityrelease.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** A message to send: what kind, about which case, to whom, and its rendered text. */
public record Notice(NotificationKind kind, String caseId, List<String> recipients, String subject, String body,
    String occasion, String thread, String sentBody, List<String> encryptTo) {

  /** A notice sent once per case and recipients. */
  public Notice(NotificationKind kind, String caseId, List<String> recipients, String subject, String body) {
    this(kind, caseId, recipients, subject, body, null);
  }

  /** A notice in no thread. */
  public Notice(NotificationKind kind, String caseId, List<String> recipients, String subject, String body,
      String occasion) {
    this(kind, caseId, recipients, subject, body, occasion, null);
  }

  /** A notice whose text on record is the text sent. */
  public Notice(NotificationKind kind, String caseId, List<String> recipients, String subject, String body,
      String occasion, String thread) {
    this(kind, caseId, recipients, subject, body, occasion, thread, null);
  }

  /** A notice sent in clear. */
  public Notice(NotificationKind kind, String caseId, List<String> recipients, String subject, String body,
      String occasion, String thread, String sentBody) {
    this(kind, caseId, recipients, subject, body, occasion, thread, sentBody, List.of());
  }

  /**
   * @param occasion what makes a notice of the same kind new for the same people, such as
   *     the dates it announces; null when there is one per case
   * @param thread the Message-ID of the mail this one answers ({@code In-Reply-To}, {@code
   *     References}), so that it sits in that thread; null for none. Not part of the dedupe key.
   * @param sentBody the text the mail carries when it differs from {@code body}, the text on
   *     record: see {@link #keepingOffRecord}; null when they are the same
   * @param encryptTo the ASCII-armoured OpenPGP public keys the mail is encrypted to (PGP/MIME,
   *     R14, R16); empty: sent in clear. Not part of the dedupe key: the text on record stays clear.
   */
  public Notice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    recipients = List.copyOf(new TreeSet<>(recipients));
    thread = MessageIds.safe(thread).orElse(null);
    encryptTo = encryptTo == null ? List.of() : List.copyOf(encryptTo);
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("The " + kind + " notice of " + caseId + " has no recipient");
    }
  }

  /** The same kind, case and recipients make the same notice, which is sent only once. */
  String dedupeKey() {
    return kind + ":" + caseId + ":" + sha256(String.join(",", recipients) + (occasion == null ? "" : "|" + occasion));
  }

  /** The same notice for another occasion. */
  public Notice on(String newOccasion) {
    return new Notice(kind, caseId, recipients, subject, body, newOccasion, thread, sentBody, encryptTo);
  }

  /** The same notice as an answer to the mail {@code messageId} (ignored unless a Message-ID's shape). */
  public Notice inThread(String messageId) {
    return new Notice(kind, caseId, recipients, subject, body, occasion, messageId, sentBody, encryptTo);
  }

  /**
   * The same notice with {@code secret} in the mail alone: the ledger, and whoever reads it,
   * gets {@code onRecord} in its place (a link that opens the reporter's page, whose token is
   * kept nowhere but as a hash, R28).
   */
  public Notice keepingOffRecord(String secret, String onRecord) {
    String sent = sentBody == null ? body : sentBody;
    return new Notice(kind, caseId, recipients, subject, body.replace(secret, onRecord), occasion, thread, sent,
        encryptTo);
  }

  /**
   * The same notice, encrypted to {@code armouredKeys} (each an OpenPGP public key) and signed with
   * the service's key, as PGP/MIME; in clear when there are none.
   */
  public Notice encryptedTo(List<String> armouredKeys) {
    return new Notice(kind, caseId, recipients, subject, body, occasion, thread, sentBody, armouredKeys);
  }

  /** The text the mail carries. */
  String mailBody() {
    return sentBody == null ? body : sentBody;
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
