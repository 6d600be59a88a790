package io.github.securityrelease.distributors;

import io.github.securityrelease.engine.TaskInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * R29: what a distributor's reply to a notice says, read from the reply's own text (the quote
 * already left out): "received" always, and a status with a note where its first non-empty line
 * is a status word ({@code UNDER_INVESTIGATION}, {@code AFFECTED}, {@code NOT_AFFECTED},
 * {@code FIXED}; any case, spaces or hyphens for the underscores, a full stop or colon after
 * it). The note is the rest of that first paragraph, up to a blank line or the signature.
 * Anything else in the mail is not read as a status: a reply that says more is "received".
 */
final class ReplyStatus {

  /** The signature's delimiter ("-- ", RFC 3676), also without its space. */
  private static final Pattern SIGNATURE = Pattern.compile("--\\s*");
  /** Where the mail clients that do not quote with {@code >} put the mail replied to. */
  private static final Pattern FORWARDED = Pattern.compile(
      "\\s*(-{2,}\\s*Original Message\\s*-{2,}|_{10,}|-{2,}\\s*Forwarded message\\s*-{2,})\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final String MORE = "(cut here: the whole reply is in the security address's mailbox)";

  private ReplyStatus() {}

  /** What the reply's own text says; {@link Acknowledgement.Said#RECEIVED} when it names no status. */
  static Acknowledgement.Said of(String ownText) {
    List<String> lines = ownLines(ownText == null ? "" : ownText);
    int first = 0;
    while (first < lines.size() && lines.get(first).isBlank()) {
      first++;
    }
    if (first == lines.size()) {
      return Acknowledgement.Said.RECEIVED;
    }
    DistributorStatus status = status(lines.get(first));
    if (status == null) {
      return Acknowledgement.Said.RECEIVED;
    }
    StringBuilder note = new StringBuilder();
    for (int i = first + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
      note.append(lines.get(i).strip()).append('\n');
    }
    String text = note.toString().strip();
    return new Acknowledgement.Said(status, text.isEmpty() ? null : TaskInput.abridged(text, MORE),
        null, null, null);
  }

  /** The status a line is, alone: null for any other line. */
  static DistributorStatus status(String line) {
    String word = line.strip().replaceAll("[.:!]+$", "").strip().toUpperCase(Locale.ROOT)
        .replaceAll("[\\s-]+", "_");
    for (DistributorStatus status : DistributorStatus.values()) {
      if (status.name().equals(word)) {
        return status;
      }
    }
    return null;
  }

  /** The lines above the signature and above a quote that has no {@code >}. */
  private static List<String> ownLines(String text) {
    List<String> own = new ArrayList<>();
    for (String line : text.split("\\R", -1)) {
      if (SIGNATURE.matcher(line).matches() || FORWARDED.matcher(line).matches()) {
        break;
      }
      own.add(line);
    }
    return own;
  }
}
