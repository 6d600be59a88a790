package io.github.securityrelease.engine;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
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
   * The longest text a variable may hold: Camunda keeps a string variable, and its history, in
   * a {@code varchar(4000)} column (counted in characters on H2 and PostgreSQL). Every free
   * text the service takes in, through its API or a form, is held to it, so that a long text is
   * a 400 naming the field, never a failed database write.
   */
  public static final int MAX_TEXT = 4000;

  /**
   * Text a database keeps as it was given: no NUL (PostgreSQL refuses it in text) and no
   * unpaired UTF-16 surrogate (no character at all, which neither database can store as such).
   */
  public static final String STORABLE_TEXT = "[^\\x00\\x{D800}-\\x{DFFF}]*";
  public static final String STORABLE_MESSAGE = "must not contain NUL characters or unpaired surrogates";
  private static final Pattern STORABLE = Pattern.compile(STORABLE_TEXT);

  /** Whether {@code text} can be stored as it is ({@link #STORABLE_TEXT}). */
  public static boolean storable(String text) {
    return STORABLE.matcher(text).matches();
  }

  /** {@code text} cut to {@link #MAX_TEXT} where it is longer, ending with {@code more} to say where the rest is. */
  public static String abridged(String text, String more) {
    if (text.length() <= MAX_TEXT) {
      return text;
    }
    String tail = "\n… " + more;
    return text.substring(0, MAX_TEXT - tail.length()) + tail;
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
    String value = requireText(scope, name, why);
    for (String option : allowed) {
      if (option.equals(value)) {
        return value;
      }
    }
    throw refuse(name, "must be " + String.join(" or ", allowed));
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
