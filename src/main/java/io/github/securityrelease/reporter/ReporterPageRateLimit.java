package io.github.securityrelease.reporter;

import io.github.securityrelease.web.ProblemResponses;
import io.github.securityrelease.web.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the requests to the reporters' pages per client address, whatever their method, as
 * the web package's limit does the public {@code POST}s: a token cannot be guessed, but a
 * flood of guesses would still cost a database lookup each. Refused with {@code 429} and
 * {@code Retry-After} before anything else runs.
 */
class ReporterPageRateLimit extends OncePerRequestFilter {

  private static final int MAX_CLIENTS = 10_000;

  private final RateLimiter limiter;

  ReporterPageRateLimit(ReporterPageProperties properties, LongSupplier nanoTime) {
    this.limiter = new RateLimiter(Duration.ofMinutes(1).dividedBy(Math.max(1, properties.requestsPerMinute())),
        properties.burst(), MAX_CLIENTS, nanoTime);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long retryAfter = limiter.acquire(request.getRemoteAddr());
    if (retryAfter == 0) {
      chain.doFilter(request, response);
      return;
    }
    ProblemResponses.tooManyRequests(response, retryAfter, "Too many requests from your address");
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    FilterRegistrationBean<ReporterPageRateLimit> reporterPageRateLimit(ReporterPageProperties properties) {
      FilterRegistrationBean<ReporterPageRateLimit> registration =
          new FilterRegistrationBean<>(new ReporterPageRateLimit(properties, System::nanoTime));
      registration.addUrlPatterns(LinkMail.PAGE_PATH + "*");
      // where the web package's limit is: after the forwarded address is set, before anything costly
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
      return registration;
    }
  }
}
