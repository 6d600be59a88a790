package io.github.securityrelease.disclosure;

import io.github.securityrelease.web.InvalidFieldException;

/** A disclosure plan the policy does not allow, with the field at fault: a 400 naming it, through the API. */
public class InvalidPlanException extends InvalidFieldException {

  InvalidPlanException(String field, String message) {
    super(field, message);
  }
}
