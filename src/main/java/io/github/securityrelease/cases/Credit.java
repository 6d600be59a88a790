package io.github.securityrelease.cases;

import io.github.securityrelease.engine.TaskInput;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * R28: how the reporter wishes to be credited in the published texts, a name or a handle; no
 * credit (absent or blank) means the reporter is named nowhere. One definition for every way a
 * credit comes in (the report API and page, the start form, a mail, the team's correction, the
 * reporter's page), so that each takes the same text and stores it the same way.
 */
public final class Credit {

  public static final int MAX_CHARACTERS = 200;

  /**
   * One line: no control character (C0, DEL, C1), no line or paragraph separator, no lone
   * surrogate. An ECMA-262 expression as well as a Java one, so that the API description shows
   * it as a JSON Schema {@code pattern}. A credit is printed in a mail's body and in the release
   * notes: a line break there would let a reporter write a paragraph of their own.
   */
  public static final String ONE_LINE = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\uD800-\\uDFFF]*$";
  public static final String ONE_LINE_MESSAGE = "must be a single line without control characters";
  public static final String TOO_LONG_MESSAGE = "must be at most " + MAX_CHARACTERS + " characters";

  private static final Pattern ONE_LINE_PATTERN = Pattern.compile(ONE_LINE);
  private static final Pattern NOT_ONE_LINE = Pattern.compile("[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]+");

  private Credit() {}

  /**
   * Why {@code text} is no credit a person may submit, or empty when it is one (or none). For
   * the entrances Bean Validation does not reach (task forms, the reporter's page); the API's
   * fields carry the same limits as annotations.
   */
  public static Optional<String> refusal(String text) {
    if (text == null) {
      return Optional.empty();
    }
    if (TaskInput.characters(text) > MAX_CHARACTERS) {
      return Optional.of(TOO_LONG_MESSAGE);
    }
    return ONE_LINE_PATTERN.matcher(text).matches() ? Optional.empty() : Optional.of(ONE_LINE_MESSAGE);
  }

  /** The credit as a case keeps it: stripped, and null (no credit) when absent or blank. Check it first. */
  public static String stored(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /**
   * A credit from text nobody can be asked to correct (a mail): not refused but made one: control
   * characters and line breaks become a space, a lone surrogate goes, and a longer text is cut
   * to the limit. Null when nothing is left.
   */
  public static String cleaned(String text) {
    if (text == null) {
      return null;
    }
    String line = NOT_ONE_LINE.matcher(TaskInput.storableOf(text)).replaceAll(" ").replaceAll(" {2,}", " ").strip();
    if (line.isEmpty()) {
      return null;
    }
    return TaskInput.characters(line) <= MAX_CHARACTERS ? line
        : line.substring(0, line.offsetByCodePoints(0, MAX_CHARACTERS - 1)).strip() + "…";
  }
}
