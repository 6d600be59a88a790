package io.github.securityrelease.security;

import io.github.securityrelease.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login throttle in front of the webapps' own login ({@code POST
 * /camunda/api/admin/auth/user/{engine}/login/{app}}, Camunda's JAX-RS resource): a throttled
 * attempt is answered {@code 429} before Camunda's filters and resource see it. The user name
 * is read from the form here, and the body handed on unchanged.
 *
 * <p>The outcome is the resource's answer: {@code 401} is a wrong password (or an unknown
 * user), {@code 200} a login; a {@code 403} may be Camunda's CSRF filter, which checks no
 * password, so it counts for neither. Both are on record ({@link Logins}). With single sign-on
 * a password other than the break-glass account's is answered {@code 401} here, as Camunda
 * answers a wrong one, and never reaches the engine.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

  private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login(/.*)?");

  /** A login form is a user name and a password: anything longer is no login. */
  static final int MAX_BODY_BYTES = 8 * 1024;

  private final LoginThrottle throttle;
  private final Logins logins;

  WebappLoginThrottleFilter(LoginThrottle throttle, Logins logins) {
    this.throttle = throttle;
    this.logins = logins;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getContentLengthLong() > MAX_BODY_BYTES ? null
        : request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body == null || body.length > MAX_BODY_BYTES) {
      ProblemResponses.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "A login form is at most " + MAX_BODY_BYTES / 1024 + " KiB");
      return;
    }
    HttpServletRequest again = new BufferedRequest(request, body);
    String username = username(request, body);
    if (username.isBlank()) {
      // no account to guess at: the engine refuses it without touching one
      chain.doFilter(again, response);
      return;
    }
    String address = request.getRemoteAddr();
    boolean loggedIn = false;
    try (LoginThrottle.Attempt attempt = throttle.admit(address, username)) {
      long retryAfter = attempt.retryAfter();
      if (retryAfter > 0) {
        ProblemResponses.tooManyRequests(response, retryAfter, ThrottledBasicEntryPoint.DETAIL);
        return;
      }
      if (logins.passwordRefused(username)) {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
      } else {
        chain.doFilter(again, response);
      }
      if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
        attempt.failed();
        logins.failed(username, address);
      } else if (response.getStatus() == HttpStatus.OK.value()) {
        attempt.succeeded();
        loggedIn = true;
      }
    }
    // outside the address's lock: the break-glass alert starts a process
    if (loggedIn) {
      logins.webappLogin(username, address);
    }
  }

  /** The form's {@code username}, decoded as Camunda's resource decodes it; empty if there is none. */
  static String username(HttpServletRequest request, byte[] body) {
    if (!isForm(request.getContentType())) {
      return "";
    }
    for (String field : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
      if (field.startsWith("username=")) {
        String value = field.substring("username=".length());
        try {
          return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
          // still someone's attempt: throttled under the name as sent
          return value;
        }
      }
    }
    return "";
  }

  private static boolean isForm(String contentType) {
    try {
      return contentType != null && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
    } catch (InvalidMediaTypeException unreadable) {
      return false;
    }
  }

  /** The request with its body read once more, by whoever reads it next. */
  private static final class BufferedRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    BufferedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The login body is read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
