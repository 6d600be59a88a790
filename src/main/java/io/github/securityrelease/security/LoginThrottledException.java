package io.github.securityrelease.security;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins from the client's address: refused before any password check. */
class LoginThrottledException extends AuthenticationException {

  private final long retryAfterSeconds;

  LoginThrottledException(long retryAfterSeconds) {
    super("Too many failed logins from this address");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
