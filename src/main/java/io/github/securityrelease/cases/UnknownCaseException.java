package io.github.securityrelease.cases;

import io.github.securityrelease.web.ProblemException;
import org.springframework.http.HttpStatus;

/** No case has the ID a request names, or none that is still open: 404. */
public class UnknownCaseException extends ProblemException {

  private UnknownCaseException(String detail) {
    super(HttpStatus.NOT_FOUND, detail);
  }

  /** No case, open or ended, has {@code caseId}. */
  public static UnknownCaseException noCase(String caseId) {
    return new UnknownCaseException("No case " + caseId);
  }

  /** No open case has {@code caseId}: it ended, or never was. */
  public static UnknownCaseException noOpenCase(String caseId) {
    return new UnknownCaseException("No open case " + caseId);
  }
}
