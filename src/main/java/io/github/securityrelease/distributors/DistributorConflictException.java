package io.github.securityrelease.distributors;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A change the list's record forbids: a name taken, or a distributor removed for good. */
public class DistributorConflictException extends ResponseStatusException {

  DistributorConflictException(String reason) {
    super(HttpStatus.CONFLICT, reason);
  }
}
