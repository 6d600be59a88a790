package io.github.securityrelease.security;

import io.github.securityrelease.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The token page's calls as the user signed in to Tasklist, Cockpit or Admin in the same
 * browser (by password, or through the identity provider): the APIs are stateless otherwise,
 * and a page has no password to send. Only on the paths given (the token API), only without
 * an {@code Authorization} header, and only for the page's own requests: a cookie rides along
 * on a forged request too, so the session counts only with {@value #PAGE_HEADER} (which no
 * form or cross-site request without a CORS preflight, which nothing here allows, can send),
 * and a change ({@code POST}, {@code DELETE}) also only from this site. Anything else riding a
 * signed-in session is 403, before any controller runs.
 */
class WebappSessionFilter extends OncePerRequestFilter {

  /** The page's header, as Spring Security's and most scripts' XHR convention has it. */
  static final String PAGE_HEADER = "X-Requested-With";
  static final String PAGE_HEADER_VALUE = "XMLHttpRequest";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

  private final RequestMatcher paths;
  private final ProcessEngine engine;

  WebappSessionFilter(RequestMatcher paths, ProcessEngine engine) {
    this.paths = paths;
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !paths.matches(request) || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean fromPage = PAGE_HEADER_VALUE.equals(request.getHeader(PAGE_HEADER));
    String userId = signedInUser(request);
    if (userId == null) {
      if (fromPage) {
        // no Basic challenge: it would open the browser's password prompt over the page
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Sign in to Tasklist first");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (!fromPage || !(SAFE_METHODS.contains(request.getMethod()) || sameOrigin(request))) {
      ProblemResponses.write(response, HttpStatus.FORBIDDEN,
          "A signed-in session counts only for the token page's own requests");
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null,
        Groups.authoritiesOf(engine.getIdentityService(), userId)));
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }

  /**
   * The user of Camunda's session (its login form's, or single sign-on's through
   * {@code ContainerBasedAuthenticationFilter}), if they still exist: Camunda itself checks
   * that only every few minutes.
   */
  private String signedInUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentication signedIn = AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engine.getName());
    if (signedIn == null) {
      return null;
    }
    String userId = signedIn.getIdentityId();
    return engine.getIdentityService().createUserQuery().userId(userId).count() == 1 ? userId : null;
  }

  /**
   * Said so by the browser ({@code Sec-Fetch-Site}, which no page can set), or where a browser
   * sends no such header, by an {@code Origin} equal to this service's as the request reaches it.
   */
  private static boolean sameOrigin(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      return site.equals("same-origin");
    }
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    return origin != null && origin.equals(ownOrigin(request));
  }

  private static String ownOrigin(HttpServletRequest request) {
    String scheme = request.getScheme();
    int port = request.getServerPort();
    boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
  }
}
