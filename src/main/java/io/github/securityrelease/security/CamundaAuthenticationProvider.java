package io.github.securityrelease.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic against Camunda's users and groups: one identity store for the webapps, the
 * engine REST API and this service's API (and the Swagger UI). Failed logins are throttled per
 * client address ({@link LoginThrottle}) before the engine checks a password. With single
 * sign-on a password opens the break-glass account only ({@link Logins}): any other is
 * refused as a wrong password is, throttled alike, and never checked.
 */
@Component
class CamundaAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final Logins logins;

  CamundaAuthenticationProvider(IdentityService identityService, LoginThrottle throttle, Logins logins) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.logins = logins;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null) {
      throw new BadCredentialsException("Bad credentials");
    }
    String address = address(authentication);
    try (LoginThrottle.Attempt attempt = throttle.admit(address, userId)) {
      long retryAfter = attempt.retryAfter();
      if (retryAfter > 0) {
        throw new LoginThrottledException(retryAfter);
      }
      if (logins.passwordRefused(userId) || !identityService.checkPassword(userId, credentials.toString())) {
        attempt.failed();
        logins.failed(userId, address);
        throw new BadCredentialsException("Bad credentials");
      }
      attempt.succeeded();
    }
    // outside the address's lock: the break-glass alert starts a process
    logins.basic(userId, address);
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, Groups.authoritiesOf(identityService, userId));
  }

  /** The client address HTTP Basic's filter put in the details: the connection's ({@code getRemoteAddr()}). */
  private static String address(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
        ? details.getRemoteAddress() : "unknown";
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
