package io.github.securityrelease.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer} with a token one of the {@link BearerTokens} recognises: the
 * caller is its owner for this request alone (nothing is kept between requests), and a request
 * beyond the token's reach is refused here, before any controller or the engine does any work.
 * Tokens no one here recognises pass on untouched, to whatever else reads bearer tokens.
 */
class BearerTokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final List<BearerTokens> kinds;
  private final AuthenticationEntryPoint unauthenticated;
  private final AccessDeniedHandler forbidden;

  BearerTokenFilter(List<BearerTokens> kinds, AuthenticationEntryPoint unauthenticated, AccessDeniedHandler forbidden) {
    this.kinds = kinds;
    this.unauthenticated = unauthenticated;
    this.forbidden = forbidden;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? header.substring(BEARER.length()).strip() : null;
    BearerTokens kind = token == null ? null
        : kinds.stream().filter(candidate -> candidate.recognises(token)).findFirst().orElse(null);
    if (kind == null) {
      chain.doFilter(request, response);
      return;
    }
    try {
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(kind.authenticate(token, request));
      SecurityContextHolder.setContext(context);
    } catch (AuthenticationException refused) {
      SecurityContextHolder.clearContext();
      unauthenticated.commence(request, response, refused);
      return;
    } catch (AccessDeniedException denied) {
      SecurityContextHolder.clearContext();
      forbidden.handle(request, response, denied);
      return;
    }
    chain.doFilter(request, response);
  }
}
