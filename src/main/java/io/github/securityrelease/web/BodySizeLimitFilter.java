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
 * Caps request bodies of {@code /api/v1} and of the reporter's page's forms at 64 KiB: a
 * declared larger body is refused before it is read, and an undeclared one (chunked) stops being
 * read at the limit. A form's body (the reporter's page; multipart too) must declare its length,
 * as every browser does: the servlet container parses those from its own stream, past this
 * wrapper, so only the declared length holds them to the limit.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > BodyTooLargeException.LIMIT_BYTES) {
      ProblemResponses.write(response, HttpStatus.PAYLOAD_TOO_LARGE, BodyTooLargeException.DETAIL);
      return;
    }
    if (request.getContentLengthLong() < 0 && isForm(request)) {
      ProblemResponses.write(response, HttpStatus.LENGTH_REQUIRED, "A form's body must declare its length");
      return;
    }
    chain.doFilter(new LimitedRequest(request), response);
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
      FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(new BodySizeLimitFilter());
      // the reporter's page's forms (reporter/): the path is the page's, the limit the same
      registration.addUrlPatterns("/api/*", "/reporter/*");
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
      return registration;
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private ServletInputStream limited;

    LimitedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        limited = new LimitedInputStream(super.getInputStream());
      }
      return limited;
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private long read;

    LimitedInputStream(ServletInputStream in) {
      this.in = in;
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
      if (read > BodyTooLargeException.LIMIT_BYTES) {
        throw new BodyTooLargeException();
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
