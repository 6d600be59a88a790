package io.github.securityrelease.reporter;

import io.github.securityrelease.web.PageRateLimit;
import io.github.securityrelease.web.RateLimits;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The limit of the requests to the reporters' pages per client address ({@link PageRateLimit}). */
@Configuration(proxyBeanMethods = false)
class ReporterPageRateLimit {

  @Bean
  FilterRegistrationBean<PageRateLimit> reporterPageLimit(ReporterPageProperties properties, RateLimits limits) {
    return PageRateLimit.on(limits, LinkMail.PAGE_PATH, properties.requestsPerMinute(), properties.burst());
  }
}
