package io.github.securityrelease.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies of {@code /api/v1} and of the reporter's page's forms at 64 KiB, and those
 * of another package's paths at the limit it registers ({@link #limiting}): a declared larger
 * body is refused before it is read, and an undeclared one (chunked) stops being read at the
 * limit. A form's body (the reporter's page; multipart too) must declare its length, as every
 * browser does: the servlet container parses those from its own stream, past this wrapper, so
 * only the declared length holds them to the limit.
 */
public final class BodySizeLimitFilter extends OncePerRequestFilter {

  private final long limitBytes;

  BodySizeLimitFilter(long limitBytes) {
    this.limitBytes = limitBytes;
  }

  /**
   * The filter of a package's own paths with a limit of their own, e.g. a webhook's larger
   * deliveries: answered {@code 413} past it, as the API is. {@code name} is the filter's in the
   * servlet container, one per registration (a second of one name would not be registered).
   */
  public static FilterRegistrationBean<BodySizeLimitFilter> limiting(String name, long limitBytes,
      String... urlPatterns) {
    FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
        new BodySizeLimitFilter(limitBytes));
    registration.setName(name);
    registration.addUrlPatterns(urlPatterns);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limitBytes) {
      ProblemResponses.write(response, HttpStatus.PAYLOAD_TOO_LARGE, BodyTooLargeException.detail(limitBytes));
      return;
    }
    if (request.getContentLengthLong() < 0 && isForm(request)) {
      ProblemResponses.write(response, HttpStatus.LENGTH_REQUIRED, "A form's body must declare its length");
      return;
    }
    chain.doFilter(new LimitedRequest(request, limitBytes), response);
  }

  /** A body the container parses itself: form parameters, or parts (multipart). */
  private static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType() == null ? "" : request.getContentType().strip().toLowerCase(Locale.ROOT);
    return type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) || type.startsWith("multipart/");
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimit() {
      // the reporter's page's forms (reporter/): the path is the page's, the limit the same
      return limiting("bodySizeLimit", BodyTooLargeException.LIMIT_BYTES, "/api/*", "/reporter/*");
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long limitBytes;
    private ServletInputStream limited;

    LimitedRequest(HttpServletRequest request, long limitBytes) {
      super(request);
      this.limitBytes = limitBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        limited = new LimitedInputStream(super.getInputStream(), limitBytes);
      }
      return limited;
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limitBytes;
    private long read;

    LimitedInputStream(ServletInputStream in, long limitBytes) {
      this.in = in;
      this.limitBytes = limitBytes;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > limitBytes) {
        throw new BodyTooLargeException(limitBytes);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
