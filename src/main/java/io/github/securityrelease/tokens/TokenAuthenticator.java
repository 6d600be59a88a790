package io.github.securityrelease.tokens;

import io.github.securityrelease.security.BearerTokens;
import io.github.securityrelease.security.Groups;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code Authorization: Bearer sro_...}: the token's owner, with the owner's groups as they
 * are now (a member who left the team lost it for their tokens too), within the token's
 * scopes. The answers never repeat the token.
 */
@Component
class TokenAuthenticator implements BearerTokens {

  private final PersonalTokens tokens;
  private final TokenReach reach;
  private final IdentityService identityService;

  TokenAuthenticator(PersonalTokens tokens, TokenReach reach, IdentityService identityService) {
    this.tokens = tokens;
    this.reach = reach;
    this.identityService = identityService;
  }

  @Override
  public boolean recognises(String token) {
    return TokenSecret.looksLikeOne(token);
  }

  @Override
  public Authentication authenticate(String secret, HttpServletRequest request) {
    ApiToken token = tokens.byHash(TokenSecret.hash(secret))
        .filter(found -> found.isValidAt(tokens.now()))
        .orElseThrow(() -> new BadCredentialsException("Unknown, expired or revoked token"));
    String owner = token.owner();
    if (identityService.createUserQuery().userId(owner).count() == 0) {
      throw new BadCredentialsException("Unknown, expired or revoked token");
    }
    if (!reach.permits(token.scopes(), owner, request)) {
      throw new AccessDeniedException("Beyond the token's scopes");
    }
    tokens.used(token, request.getRemoteAddr());
    UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(owner, null,
        Groups.authoritiesOf(identityService, owner));
    authentication.setDetails(token.subject());
    return authentication;
  }
}
