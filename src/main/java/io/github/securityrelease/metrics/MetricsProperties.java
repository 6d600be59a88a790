package io.github.securityrelease.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cacheTtl how long the figures read from the database (open cases, the ledger's
 *     counts) are kept before a scrape reads them again, so that many scrapes at once cost
 *     the database one read; {@code 0} reads at every scrape
 */
@ConfigurationProperties("security-release.metrics")
public record MetricsProperties(@DefaultValue("PT10S") Duration cacheTtl) {

  public MetricsProperties {
    if (cacheTtl == null || cacheTtl.isNegative()) {
      throw new IllegalArgumentException("security-release.metrics.cache-ttl must be 0 or more, not " + cacheTtl);
    }
  }
}
