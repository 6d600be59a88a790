package io.github.securityrelease.assessment;

import io.github.securityrelease.web.InvalidFieldException;
import org.springframework.http.ProblemDetail;

/**
 * A CVSS vector the service refuses to score; {@link #metric()} names what is wrong in it. The
 * API answers it as a bad {@code vector}, the metric at fault named too, for a form to point at it.
 */
public class InvalidCvssVectorException extends InvalidFieldException {

  /** The {@link #metric()} of a fault in the vector as a whole rather than in one metric. */
  public static final String WHOLE_VECTOR = "vector";

  private final String metric;

  InvalidCvssVectorException(String metric, String message) {
    this(metric, message, null);
  }

  InvalidCvssVectorException(String metric, String message, Throwable cause) {
    super("vector", message, cause);
    this.metric = metric;
  }

  /** The metric at fault ({@code "AV"}), or {@value #WHOLE_VECTOR}. */
  public String metric() {
    return metric;
  }

  @Override
  protected ProblemDetail problem() {
    ProblemDetail detail = super.problem();
    detail.setProperty("metric", metric);
    return detail;
  }
}
