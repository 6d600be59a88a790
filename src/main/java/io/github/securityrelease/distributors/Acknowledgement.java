package io.github.securityrelease.distributors;

import io.github.securityrelease.engine.TaskInput;
import io.github.securityrelease.web.InvalidFieldException;
import java.time.Instant;
import java.util.Locale;

/**
 * R29: one thing a distributor said about a case, never changed: that it received the notice
 * (every entry says that), and where given its status with a note and its feedback on the patches.
 *
 * @param status null for the acknowledgement alone
 * @param reviewed whether it reviewed the patches; null when it did not say
 * @param tested whether it tested them; null when it did not say
 * @param issuesFound what its review and tests found (none found is worth saying too)
 * @param source where it came from: {@code PAGE}, {@code API} or {@code MAIL}
 */
record Acknowledgement(Instant recordedAt, String source, DistributorStatus status, String note, Boolean reviewed,
    Boolean tested, String issuesFound) {

  static final String PAGE = "PAGE";
  static final String API = "API";
  static final String MAIL = "MAIL";

  /** What a distributor sends: checked, each bad field named ({@code 400}). */
  record Said(DistributorStatus status, String note, Boolean reviewed, Boolean tested, String issuesFound) {

    static final Said RECEIVED = new Said(null, null, null, null, null);

    Said {
      note = text("note", note);
      issuesFound = text("feedback.issuesFound", issuesFound);
      if (status == null && note != null) {
        throw new InvalidFieldException("status", "is needed with a note: what the note is about");
      }
    }

    /** A status word, as a form or a mail gives it: {@code null} for none. */
    static DistributorStatus status(String field, String word) {
      if (word == null || word.isBlank()) {
        return null;
      }
      try {
        return DistributorStatus.valueOf(word.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
      } catch (IllegalArgumentException unknown) {
        throw new InvalidFieldException(field, "must be one of UNDER_INVESTIGATION, AFFECTED, NOT_AFFECTED, FIXED");
      }
    }

    /** yes/no as a form gives it: {@code null} for neither. */
    static Boolean yesNo(String field, String word) {
      if (word == null || word.isBlank()) {
        return null;
      }
      return switch (word.strip().toLowerCase(Locale.ROOT)) {
        case "yes", "true" -> true;
        case "no", "false" -> false;
        default -> throw new InvalidFieldException(field, "must be yes or no");
      };
    }

    private static String text(String field, String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      if (!TaskInput.withinMaxText(text)) {
        throw new InvalidFieldException(field, "is longer than " + TaskInput.MAX_TEXT + " characters");
      }
      if (!TaskInput.storable(text)) {
        throw new InvalidFieldException(field, TaskInput.STORABLE_MESSAGE);
      }
      return text.strip();
    }
  }
}
