package io.github.securityrelease.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits {@code POST} to the public endpoints per client address, so that a flood of reports
 * can neither bury the team nor fill the disk: a refused request is answered {@code 429} with
 * {@code Retry-After} before anything reads its body, so it starts nothing and uses up no case ID.
 *
 * <p>The client address is {@link HttpServletRequest#getRemoteAddr()}: behind a proxy it is the
 * proxy's, unless {@code server.forward-headers-strategy} makes it the forwarded one. Each path's
 * limit is one of {@link RateLimits} ({@code POST <path>}): on PostgreSQL the cluster's.
 */
class RateLimitFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

  private final Map<String, RateLimit> limiters;

  RateLimitFilter(RateLimitProperties properties, RateLimits limits) {
    Rate rate = Rate.perMinute(properties.requestsPerMinute(), properties.burst());
    this.limiters = properties.paths().stream().distinct().collect(Collectors.toUnmodifiableMap(Function.identity(),
        path -> limits.limit("POST " + path, rate)));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !limiters.containsKey(path(request));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long retryAfter = limiters.get(path(request)).acquire(request.getRemoteAddr());
    if (retryAfter == 0) {
      chain.doFilter(request, response);
      return;
    }
    log.debug("Refused POST {} from {}: rate limit", path(request), request.getRemoteAddr());
    ProblemResponses.tooManyRequests(response, retryAfter, "Too many requests from your address");
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimit(RateLimitProperties properties, RateLimits limits) {
      FilterRegistrationBean<RateLimitFilter> registration =
          new FilterRegistrationBean<>(new RateLimitFilter(properties, limits));
      registration.addUrlPatterns("/api/*");
      // before the body size limit and the authentication: a refused request costs next to nothing;
      // after Spring's ForwardedHeaderFilter (highest precedence), which sets the forwarded address
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
      return registration;
    }
  }
}
