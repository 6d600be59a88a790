package io.github.securityrelease.forge;

import io.github.securityrelease.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A webhook delivery the service does not take: unsigned or wrongly signed ({@code 401}), or malformed ({@code 400}). */
class DeliveryRefusedException extends ProblemException {

  DeliveryRefusedException(HttpStatus status, String detail) {
    super(status, detail);
  }
}
