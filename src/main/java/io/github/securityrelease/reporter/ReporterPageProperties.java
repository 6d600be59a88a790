package io.github.securityrelease.reporter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reporter's private page.
 *
 * @param validAfterDisclosure how long a link works after the case's public disclosure (or after a
 *     rejected case ended): long enough to read the outcome, not for ever
 * @param requestsPerMinute the sustained rate at which one client address may open pages
 * @param burst how many pages one client address may open at once before the rate applies
 */
@ConfigurationProperties("security-release.reporter-page")
record ReporterPageProperties(
    @DefaultValue("P90D") Duration validAfterDisclosure,
    @DefaultValue("30") int requestsPerMinute,
    @DefaultValue("30") int burst) {}
