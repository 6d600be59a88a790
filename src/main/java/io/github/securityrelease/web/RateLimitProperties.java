package io.github.securityrelease.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limit on the public endpoints, per client address and path, and where the limits keep
 * their buckets ({@link RateLimits}).
 *
 * @param requestsPerMinute the sustained rate a client address may post at
 * @param burst how many requests a client address may post at once before the rate applies
 * @param maxClients how many client addresses each limit remembers in memory (least recently
 *     seen dropped first): every limit on H2, on PostgreSQL a node's own and a fallback's
 * @param paths the paths whose {@code POST} requests are limited, each with buckets of its own
 * @param cleanupInterval on PostgreSQL, how often each node deletes the buckets that are full again
 */
@ConfigurationProperties("security-release.rate-limit")
record RateLimitProperties(
    @DefaultValue("10") int requestsPerMinute,
    @DefaultValue("20") int burst,
    @DefaultValue("10000") int maxClients,
    @DefaultValue({"/api/v1/reports", "/api/v1/distributor-applications"}) List<String> paths,
    @DefaultValue("PT10M") Duration cleanupInterval) {}
