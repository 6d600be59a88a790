package io.github.securityrelease.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal the API answers as a problem (RFC 9457) with a status of its own: the package
 * that refuses says what is wrong, {@code ApiExceptionHandler} alone answers it, and knows no
 * package that refuses.
 */
public abstract class ProblemException extends RuntimeException {

  private final HttpStatus status;

  protected ProblemException(HttpStatus status, String detail) {
    this(status, detail, null);
  }

  protected ProblemException(HttpStatus status, String detail, Throwable cause) {
    super(detail, cause);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  /** The answer: the status, its title and the message as detail; a refusal that knows more adds it. */
  protected ProblemDetail problem() {
    return ProblemDetail.forStatusAndDetail(status, getMessage());
  }
}
