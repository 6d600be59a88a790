package io.github.securityrelease.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the requests to the pages opened by a link (the reporter's, a distributor's) per client
 * address, whatever their method, as {@link RateLimitFilter} does the public {@code POST}s: a
 * token cannot be guessed, but a flood of guesses would still cost a database lookup each.
 * Refused with {@code 429} and {@code Retry-After} before anything else runs. The limit is one of
 * {@link RateLimits} ({@code pages <path>}): on PostgreSQL the cluster's.
 */
public class PageRateLimit extends OncePerRequestFilter {

  private final RateLimit limit;

  public PageRateLimit(RateLimit limit) {
    this.limit = limit;
  }

  /** The filter on the pages under {@code path} (which ends with {@code /}). */
  public static FilterRegistrationBean<PageRateLimit> on(RateLimits limits, String path, int requestsPerMinute,
      int burst) {
    RateLimit limit = limits.limit("pages " + path, Rate.perMinute(Math.max(1, requestsPerMinute), burst));
    FilterRegistrationBean<PageRateLimit> registration = new FilterRegistrationBean<>(new PageRateLimit(limit));
    registration.addUrlPatterns(path + "*");
    // where the limit of the public POSTs is: after the forwarded address is set, before anything costly
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long retryAfter = limit.acquire(request.getRemoteAddr());
    if (retryAfter == 0) {
      chain.doFilter(request, response);
      return;
    }
    ProblemResponses.tooManyRequests(response, retryAfter, "Too many requests from your address");
  }
}
