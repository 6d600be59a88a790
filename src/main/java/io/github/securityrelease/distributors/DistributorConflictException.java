package io.github.securityrelease.distributors;

import io.github.securityrelease.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A change the list's record forbids: a name taken, or a distributor removed for good. */
public class DistributorConflictException extends ProblemException {

  DistributorConflictException(String reason) {
    super(HttpStatus.CONFLICT, reason);
  }
}
