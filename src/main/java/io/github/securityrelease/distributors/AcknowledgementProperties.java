package io.github.securityrelease.distributors;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * R29: the distributors' acknowledgements of the notices.
 *
 * @param acknowledgementDue how long after its advance notice a distributor that has not acknowledged
 *     it is reminded (once), and the team alerted
 * @param linkValidAfterDisclosure how long the links in the notices work after the case's public
 *     disclosure (or after a rejected case ended): long enough to report {@code FIXED}, not for ever
 * @param reminderCheckInterval how often the service looks for acknowledgements overdue
 * @param pageRequestsPerMinute the sustained rate at which one client address may open the pages
 * @param pageBurst how many pages one client address may open at once before the rate applies
 */
@ConfigurationProperties("security-release.distributors")
record AcknowledgementProperties(
    @DefaultValue("PT48H") Duration acknowledgementDue,
    @DefaultValue("P30D") Duration linkValidAfterDisclosure,
    @DefaultValue("PT5M") Duration reminderCheckInterval,
    @DefaultValue("30") int pageRequestsPerMinute,
    @DefaultValue("30") int pageBurst) {}
