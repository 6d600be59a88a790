package io.github.securityrelease.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the requests to the pages opened by a link (the reporter's, a distributor's) per client
 * address, whatever their method, as {@link RateLimitFilter} does the public {@code POST}s: a
 * token cannot be guessed, but a flood of guesses would still cost a database lookup each.
 * Refused with {@code 429} and {@code Retry-After} before anything else runs.
 */
public class PageRateLimit extends OncePerRequestFilter {

  private static final int MAX_CLIENTS = 10_000;

  private final RateLimiter limiter;

  public PageRateLimit(int requestsPerMinute, int burst, LongSupplier nanoTime) {
    this.limiter = new RateLimiter(Duration.ofMinutes(1).dividedBy(Math.max(1, requestsPerMinute)), burst,
        MAX_CLIENTS, nanoTime);
  }

  /** The filter on the pages under {@code path} (which ends with {@code /}). */
  public static FilterRegistrationBean<PageRateLimit> on(String path, int requestsPerMinute, int burst) {
    FilterRegistrationBean<PageRateLimit> registration =
        new FilterRegistrationBean<>(new PageRateLimit(requestsPerMinute, burst, System::nanoTime));
    registration.addUrlPatterns(path + "*");
    // where the limit of the public POSTs is: after the forwarded address is set, before anything costly
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
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
}
