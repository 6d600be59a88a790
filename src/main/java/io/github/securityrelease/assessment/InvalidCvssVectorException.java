package io.github.securityrelease.assessment;

/** A CVSS vector the service refuses to score; {@link #metric()} names what is wrong in it. */
public class InvalidCvssVectorException extends RuntimeException {

  /** The {@link #metric()} of a fault in the vector as a whole rather than in one metric. */
  public static final String WHOLE_VECTOR = "vector";

  private final String metric;

  InvalidCvssVectorException(String metric, String message) {
    this(metric, message, null);
  }

  InvalidCvssVectorException(String metric, String message, Throwable cause) {
    super(message, cause);
    this.metric = metric;
  }

  /** The metric at fault ({@code "AV"}), or {@value #WHOLE_VECTOR}. */
  public String metric() {
    return metric;
  }
}
