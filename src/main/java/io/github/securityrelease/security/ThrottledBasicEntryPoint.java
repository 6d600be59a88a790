package io.github.securityrelease.security;

import io.github.securityrelease.web.TooManyRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * HTTP Basic's answer to a refused login: {@code 429} with {@code Retry-After} when the login
 * throttle refused it, else the usual {@code 401} with {@code WWW-Authenticate}.
 */
class ThrottledBasicEntryPoint implements AuthenticationEntryPoint {

  static final String DETAIL = "Too many failed logins from your address";

  private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

  ThrottledBasicEntryPoint(String realm) {
    basic.setRealmName(realm);
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
      throws IOException {
    if (refused instanceof LoginThrottledException throttled) {
      TooManyRequests.refuse(response, throttled.retryAfterSeconds(), DETAIL);
      return;
    }
    basic.commence(request, response, refused);
  }
}
