package io.github.securityrelease.web;

/**
 * A field that passed its own constraints but breaks a rule only the service can check (the
 * database, the identity service): answered 400 naming the field, like any other bad field.
 */
public class InvalidFieldException extends RuntimeException {

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
