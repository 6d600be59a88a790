package io.github.securityrelease.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoAccounts create the demo accounts (the embedded default database only)
 * @param adminPassword the password of the {@code admin} user; from SECURITY_RELEASE_ADMIN_PASSWORD
 * @param basicAuth HTTP Basic (a password) on the APIs; when off, only bearer tokens are accepted there
 */
@ConfigurationProperties("security-release.security")
public record SecurityProperties(boolean demoAccounts, String adminPassword, @DefaultValue("true") boolean basicAuth) {

  boolean hasAdminPassword() {
    return adminPassword != null && !adminPassword.isBlank();
  }
}
