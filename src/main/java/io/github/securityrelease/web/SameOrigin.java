package io.github.securityrelease.web;

import io.github.securityrelease.web.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Whether a form posted to a page opened by a link (the reporter's, a distributor's) came from
 * that page, not from another site: the page's CSRF protection. The page has no session and no cookie: its token in the address is
 * the credential, which another site does not know. This check adds that a form of another
 * site, even one that learnt a token, cannot make the reporter's (or the distributor's)
 * browser post the page's forms. It needs no state, which a CSRF token would (a session or a cookie the page otherwise
 * has not):
 *
 * <ul>
 *   <li>{@code Sec-Fetch-Site}, where the browser sends it (it is the browser's, no page can
 *       set it), decides: {@code same-origin}, or {@code none} (the user's own action), and
 *       nothing else;
 *   <li>otherwise (older browsers) {@code Origin} must be the origin of {@code
 *       security-release.public-url}; a request with neither header is refused, since every
 *       browser that posts a form sends one of them.
 * </ul>
 */
@Component
public class SameOrigin {

  private static final Set<String> OWN = Set.of("same-origin", "none");

  private final String origin;

  SameOrigin(PublicUrl publicUrl) {
    this.origin = originOf(publicUrl.publicUrl());
  }

  public boolean allows(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      return OWN.contains(site.toLowerCase(Locale.ROOT));
    }
    String from = request.getHeader("Origin");
    return from != null && from.equalsIgnoreCase(origin);
  }

  /** scheme://host[:port], as a browser writes it in {@code Origin}: no default port, no path. */
  public static String originOf(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    int port = url.getPort();
    boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }
}
