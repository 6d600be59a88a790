package io.github.securityrelease.disclosure;

/** A disclosure plan the policy does not allow, with the field at fault. */
public class InvalidPlanException extends RuntimeException {

  private final String field;

  InvalidPlanException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
