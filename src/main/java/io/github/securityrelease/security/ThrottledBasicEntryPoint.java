package io.github.securityrelease.security;

import io.github.securityrelease.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * HTTP Basic's answer to a refused login: {@code 429} with {@code Retry-After} when the login
 * throttle refused it, else the usual {@code 401} with {@code WWW-Authenticate}. Both, and the
 * {@code 403} of a caller outside the groups a path is for ({@link #forbidden}), are
 * {@code application/problem+json} like every other error of the API (the API description says so).
 */
class ThrottledBasicEntryPoint implements AuthenticationEntryPoint {

  static final String DETAIL = "Too many failed logins from your address";

  private final String realm;
  private final boolean basic;

  /** {@code basic} false: HTTP Basic is off ({@code security-release.security.basic-auth}), the challenge is Bearer's. */
  ThrottledBasicEntryPoint(String realm, boolean basic) {
    this.realm = realm;
    this.basic = basic;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
      throws IOException {
    if (refused instanceof LoginThrottledException throttled) {
      ProblemResponses.tooManyRequests(response, throttled.retryAfterSeconds(), DETAIL);
      return;
    }
    if (!basic) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"");
      ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Send a valid token: Authorization: Bearer");
      return;
    }
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"");
    ProblemResponses.write(response, HttpStatus.UNAUTHORIZED,
        "Log in with HTTP Basic (a user of the service and its password) or send a valid token: Authorization: Bearer");
  }

  /** The answer to a logged-in caller whom the path's rule refuses. */
  static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    ProblemResponses.write(response, HttpStatus.FORBIDDEN, "You are not allowed to do this");
  }
}
