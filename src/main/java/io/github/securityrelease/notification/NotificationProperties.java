package io.github.securityrelease.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sender the From address of every message the service sends
 */
@ConfigurationProperties("security-release.notification")
public record NotificationProperties(@DefaultValue("security-team@localhost") String sender) {}
