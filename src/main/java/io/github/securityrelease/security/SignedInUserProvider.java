package io.github.securityrelease.security;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The webapps' user, as signed in through the identity provider: Camunda's
 * {@code ContainerBasedAuthenticationFilter} asks this for the user of a request, and finds
 * the groups and app rights itself, in Camunda's identity store. It creates this class by its
 * name, hence public with a constructor of no arguments.
 */
public class SignedInUserProvider implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated()) {
      return AuthenticationResult.unsuccessful();
    }
    String userId = authentication.getName();
    // the lookup as the service: a user left on the engine by an earlier request of the thread must not narrow it
    engine.getIdentityService().clearAuthentication();
    // a user the service does not know has no Camunda session, so no rights (Camunda would fail on one)
    if (engine.getIdentityService().createUserQuery().userId(userId).count() == 0) {
      return AuthenticationResult.unsuccessful(userId);
    }
    // groups and tenants left null: Camunda reads them from its own store, as at a password login
    return AuthenticationResult.successful(userId);
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    // the sign-in is the identity provider's (Spring Security's oauth2Login), not a challenge of this filter
  }
}
