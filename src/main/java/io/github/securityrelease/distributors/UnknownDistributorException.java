package io.github.securityrelease.distributors;

import io.github.securityrelease.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No distributor on record has the id a request names: 404. */
class UnknownDistributorException extends ProblemException {

  UnknownDistributorException(long id) {
    super(HttpStatus.NOT_FOUND, "No distributor " + id);
  }
}
