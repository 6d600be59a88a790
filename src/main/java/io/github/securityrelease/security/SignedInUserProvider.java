package io.github.securityrelease.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.util.HtmlUtils;

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
    // asked on every request of the webapps: a session Camunda opened for this user already needs
    // no lookup (Camunda checks its users again itself every few minutes)
    HttpSession session = request.getSession(false);
    if (session != null) {
      org.camunda.bpm.webapp.impl.security.auth.Authentication open =
          AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine.getName());
      if (open != null && userId.equals(open.getIdentityId())) {
        return AuthenticationResult.successful(userId);
      }
    }
    // the lookup as the service: a user left on the engine by an earlier request of the thread must not narrow it
    engine.getIdentityService().clearAuthentication();
    // a user the service does not know has no Camunda session, so no rights (Camunda would fail on one)
    if (engine.getIdentityService().createUserQuery().userId(userId).count() == 0) {
      return AuthenticationResult.unsuccessful(userId);
    }
    // groups and tenants left null: Camunda reads them from its own store, as at a password login
    return AuthenticationResult.successful(userId);
  }

  /**
   * Camunda answers 401 with no body when {@link #extractAuthenticatedUser} refuses: the sign-in
   * is the provider's (Spring Security's oauth2Login), so the only user refused here is one signed
   * in whom the service does not know. A page of theirs says so, rather than the browser's blank error.
   */
  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
      return;
    }
    response.setContentType("text/html;charset=UTF-8");
    try {
      response.getWriter().write("""
          <!DOCTYPE html><html lang="en"><head><title>No account here</title></head><body>
          <h1>No account here</h1>
          <p>You are signed in as <strong>%s</strong>, but the Security Release Orchestrator has no user of that ID.
          The security team adds its members through the team's membership process, an administrator anyone else.</p>
          </body></html>
          """.formatted(HtmlUtils.htmlEscape(authentication.getName())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
