package io.github.securityrelease.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * A kind of bearer token the APIs accept besides HTTP Basic (personal API tokens, in
 * {@code tokens}): implemented where the tokens are kept, so that this package, which builds
 * the filter chain, knows none of them.
 */
public interface BearerTokens {

  /** Whether {@code token} is of this kind (by its prefix), so that other kinds are left to their own checks. */
  boolean recognises(String token);

  /**
   * The caller {@code token} authenticates, for {@code request}: its owner with the owner's
   * groups as authorities ({@link Groups#authority}).
   *
   * @throws AuthenticationException unknown, expired or revoked ({@code 401})
   * @throws AccessDeniedException the token may not make this request, whatever its owner may ({@code 403})
   */
  Authentication authenticate(String token, HttpServletRequest request);
}
