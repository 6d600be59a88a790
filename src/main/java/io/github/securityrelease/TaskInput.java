package io.github.securityrelease;

import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Checks what a person submitted with a task, on the server, whatever client sent it. A
 * refusal leaves the task open and reaches Tasklist and the REST API as a 400 that names the field.
 */
public final class TaskInput {

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
