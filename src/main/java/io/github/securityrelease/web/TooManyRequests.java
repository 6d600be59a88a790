package io.github.securityrelease.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The one answer of every limit: {@code 429}, {@code Retry-After} and a problem+json body. */
public final class TooManyRequests {

  private TooManyRequests() {}

  /** @param detail what the client is told, in plain words; never a value the client sent */
  public static void refuse(HttpServletResponse response, long retryAfterSeconds, String detail) throws IOException {
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
        + "\"detail\":\"" + detail + ": please retry in " + retryAfterSeconds + " seconds\"}")
        .getBytes(StandardCharsets.UTF_8));
  }
}
