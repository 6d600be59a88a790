package io.github.securityrelease;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Checks what a person submitted with a task, on the server, whatever client sent it. A
 * refusal leaves the task open and reaches Tasklist and the REST API as a 400 that names the field.
 */
public final class TaskInput {

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
