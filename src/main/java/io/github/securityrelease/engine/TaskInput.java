package io.github.securityrelease.engine;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Checks what a person submitted with a task, on the server, whatever client sent it. A
 * refusal leaves the task open and reaches Tasklist and the REST API as a 400 that names the field.
 */
public final class TaskInput {

  /**
   * The longest text a variable may hold, in characters (code points: an emoji is one). Camunda
   * keeps a string variable, and its history, in a {@code varchar(4000)} column. Every free text
   * the service takes in, through its API or a form, is held to it, so that a long text is a 400
   * naming the field, never a failed database write.
   */
  public static final int MAX_TEXT = 4000;

  /**
   * What that column holds on every database: PostgreSQL counts its 4000 in code points, H2 in
   * UTF-16 units, so a text of more than 2000 characters outside the Basic Multilingual Plane
   * (emoji) fits on one and not the other. Beyond it a text is refused with its own message.
   */
  public static final int COLUMN_UTF16_UNITS = 4000;
  public static final String COLUMN_MESSAGE = "is too long to store: at most " + COLUMN_UTF16_UNITS
      + " UTF-16 units, where an emoji or another character beyond U+FFFF takes two";

  /**
   * Text a database keeps as it was given: no NUL (PostgreSQL refuses it in text) and no
   * unpaired UTF-16 surrogate (no character at all, which neither database can store as such).
   * An ECMA-262 expression as well as a Java one, anchored, so that the API description shows it
   * as a valid JSON Schema {@code pattern}: with JSON Schema's {@code u} flag a surrogate range
   * excludes lone surrogates only, as in Java.
   */
  public static final String STORABLE_TEXT = "^[^\\u0000\\uD800-\\uDFFF]*$";
  public static final String STORABLE_MESSAGE = "must not contain NUL characters or unpaired surrogates";
  private static final Pattern STORABLE = Pattern.compile(STORABLE_TEXT);

  /** Whether {@code text} can be stored as it is ({@link #STORABLE_TEXT}). */
  public static boolean storable(String text) {
    return STORABLE.matcher(text).matches();
  }

  /**
   * {@code text} without what no database keeps: NUL and unpaired surrogates (no character at
   * all), for text from outside that nobody can be asked to correct (a mail, a reporter's answer).
   */
  public static String storableOf(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints().filter(c -> c > 0xFFFF || (c != 0 && !Character.isSurrogate((char) c)))
        .forEach(kept::appendCodePoint);
    return kept.toString();
  }

  /** The characters of {@code text} as a person counts them: code points, an emoji is one. */
  public static int characters(CharSequence text) {
    return Character.codePointCount(text, 0, text.length());
  }

  /** Whether {@code text} fits the variable column on every database ({@link #COLUMN_UTF16_UNITS}). */
  public static boolean fitsColumn(CharSequence text) {
    return text.length() <= COLUMN_UTF16_UNITS;
  }

  /** Whether {@code text} is at most {@link #MAX_TEXT} characters and fits the column. */
  public static boolean withinMaxText(String text) {
    return characters(text) <= MAX_TEXT && fitsColumn(text);
  }

  /**
   * {@code text} cut where it does not fit the column ({@link #MAX_TEXT} characters and
   * {@link #COLUMN_UTF16_UNITS} units), never inside a character, ending with {@code more} to say
   * where the rest is.
   */
  public static String abridged(String text, String more) {
    if (withinMaxText(text)) {
      return text;
    }
    String tail = "\n… " + more;
    int units = COLUMN_UTF16_UNITS - tail.length();
    int end = text.offsetByCodePoints(0, Math.min(MAX_TEXT - characters(tail), characters(text)));
    while (end > units) {
      end = text.offsetByCodePoints(end, -1);
    }
    return text.substring(0, end) + tail;
  }

  private static final Pattern PUBLIC_URL = Pattern.compile("https?://\\S+");

  private TaskInput() {}

  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  public static String requireText(VariableScope scope, String name, String why) {
    String value = text(scope, name);
    if (value == null) {
      throw refuse(name, why);
    }
    return value;
  }

  /** A required value that must be one of {@code allowed}, which the refusal lists. */
  public static String requireOneOf(VariableScope scope, String name, String why, String... allowed) {
    return oneOf(name, requireText(scope, name, why), List.of(allowed));
  }

  /** A required value that must name one of {@code type}'s constants, which the refusal lists. */
  public static <E extends Enum<E>> E requireOneOf(VariableScope scope, String name, String why, Class<E> type) {
    return Enum.valueOf(type, oneOf(name, requireText(scope, name, why), names(type)));
  }

  /** An optional value that, when given, must name one of {@code type}'s constants; else null. */
  public static <E extends Enum<E>> E oneOf(VariableScope scope, String name, Class<E> type) {
    String value = text(scope, name);
    return value == null ? null : Enum.valueOf(type, oneOf(name, value, names(type)));
  }

  private static String oneOf(String name, String value, List<String> allowed) {
    if (allowed.contains(value)) {
      return value;
    }
    int last = allowed.size() - 1;
    throw refuse(name, "must be " + (last == 0 ? allowed.get(0)
        : String.join(", ", allowed.subList(0, last)) + " or " + allowed.get(last)));
  }

  private static List<String> names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
  }

  /** A required value that must match {@code format}; {@code refusal} says why a value does not. */
  public static String requireMatching(VariableScope scope, String name, Pattern format, String why,
      Function<String, String> refusal) {
    String value = requireText(scope, name, why);
    if (!format.matcher(value).matches()) {
      throw refuse(name, refusal.apply(value));
    }
    return value;
  }

  /** A required public http or https URL. */
  public static String requireUrl(VariableScope scope, String name, String why) {
    return requireMatching(scope, name, PUBLIC_URL, why, value -> "must be a public http or https URL");
  }

  /** A start form's text field, as a person typed it: empty is absent, anything but text refused. */
  public static String formText(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value != null && !(value instanceof String)) {
      throw refuse(name, "must be text");
    }
    String text = (String) value;
    return text == null || text.isBlank() ? null : text;
  }

  /**
   * Refuses what a start form made of its fields when it breaks the constraints the API
   * checks too: one 400 naming each field, {@code field} giving the form's name of a violation's path.
   */
  public static <T> void requireValid(Validator validator, T value, Function<ConstraintViolation<T>, String> field) {
    var violations = validator.validate(value);
    if (!violations.isEmpty()) {
      throw new BadUserRequestException(violations.stream()
          .map(violation -> field.apply(violation) + ": " + violation.getMessage())
          .sorted()
          .collect(Collectors.joining("; ")));
    }
  }

  public static Boolean bool(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw refuse(name, "must be true or false");
  }

  public static BadUserRequestException refuse(String field, String message) {
    return new BadUserRequestException(field + ": " + message);
  }
}
