package io.github.securityrelease.cveservices;

/**
 * A call to CVE Services that did not do what it should: its operation, the answer's status and
 * CVE Services' own {@code error} and {@code message}, cut short; never the API key, never the
 * answer's whole body. The job that made the call fails with it, and its retries end in an
 * incident.
 */
public class CveServicesException extends RuntimeException {

  private final Integer status;
  private final String error;

  CveServicesException(String message, Integer status, String error) {
    super(message);
    this.status = status;
    this.error = error;
  }

  /** The answer's status; null when no answer came. */
  public Integer status() {
    return status;
  }

  /** CVE Services' error name, e.g. {@code CVE_RECORD_EXISTS}; null when it gave none. */
  public String error() {
    return error;
  }
}
