package io.github.securityrelease.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sender the From address of every message the service sends
 * @param claimTimeout how long a node may take to hand one message to the SMTP server before
 *     another node may send it instead: longer than the mail timeouts
 *     ({@code spring.mail.properties.mail.smtp.*timeout}), shorter than the job executor's lock time
 */
@ConfigurationProperties("security-release.notification")
public record NotificationProperties(
    @DefaultValue("security-team@localhost") String sender,
    @DefaultValue("PT1M") Duration claimTimeout) {}
