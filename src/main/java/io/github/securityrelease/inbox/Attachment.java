package io.github.securityrelease.inbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A file a mailed report came with, as kept for the team ({@code report_attachment}, V11): the
 * sender's file name made harmless, the type the mail declared, and the bytes, never opened.
 */
record Attachment(String fileName, String contentType, byte[] content) {

  static final int NAME = 200;
  private static final String UNKNOWN_TYPE = "application/octet-stream";

  static Attachment of(String fileName, String contentType, byte[] content, int n) {
    return new Attachment(fileName(fileName, n), contentType(contentType), content);
  }

  long size() {
    return content.length;
  }

  String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One line, no path (a name like {@code ../../etc/passwd} or {@code C:\x} keeps its last part),
   * none of the characters file systems or headers treat specially, no leading dot, at most
   * {@value #NAME} characters; {@code attachment-n} when nothing is left.
   */
  static String fileName(String name, int n) {
    String line = MailReading.line(name, 1000);
    if (line != null) {
      line = line.substring(Math.max(line.lastIndexOf('/'), line.lastIndexOf('\\')) + 1)
          .replaceAll("[\\p{Cntrl}\"*:<>?|;%]", "_").replaceFirst("^[.\\s]+", "").strip();
      line = MailReading.line(line, NAME);
    }
    return line == null ? "attachment-" + n : line;
  }

  /** The declared type without its parameters ({@code name=} repeats the file name), if it is one. */
  static String contentType(String declared) {
    String type = MailReading.line(declared, 1000);
    if (type == null) {
      return UNKNOWN_TYPE;
    }
    type = type.replaceAll(";.*", "").strip().toLowerCase(Locale.ROOT);
    return type.matches("[a-z0-9!#$&^_.+-]{1,100}/[a-z0-9!#$&^_.+-]{1,100}") ? type : UNKNOWN_TYPE;
  }

  @Override
  public String toString() {
    return fileName + " (" + contentType + ", " + size() + " bytes)";
  }
}
