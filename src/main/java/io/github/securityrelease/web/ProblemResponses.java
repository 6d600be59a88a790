package io.github.securityrelease.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The one writer of a problem answer (RFC 9457) where no controller answers: the servlet
 * filters and the security chains' entry points refuse a request before Spring MVC sees it,
 * and some of them are made outside the application context. The mapper comes from the builder
 * that makes the controllers' one, with its {@link ProblemDetail} mix-in, so that such an
 * answer reads to the letter as a controller's.
 */
public final class ProblemResponses {

  private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

  private ProblemResponses() {}

  /** @param detail what the client is told, in plain words; never a value the client sent */
  public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(JSON.writeValueAsBytes(ProblemDetail.forStatusAndDetail(status, detail)));
  }

  /** The one answer of every limit: {@code 429}, {@code Retry-After} and when to retry. */
  public static void tooManyRequests(HttpServletResponse response, long retryAfterSeconds, String detail)
      throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    write(response, HttpStatus.TOO_MANY_REQUESTS, detail + ": please retry in " + retryAfterSeconds + " seconds");
  }
}
