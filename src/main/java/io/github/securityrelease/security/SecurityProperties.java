package io.github.securityrelease.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demoAccounts create the demo accounts (the embedded default database only)
 * @param adminPassword the password of the {@code admin} user; from SECURITY_RELEASE_ADMIN_PASSWORD
 */
@ConfigurationProperties("security-release.security")
public record SecurityProperties(boolean demoAccounts, String adminPassword) {

  boolean hasAdminPassword() {
    return adminPassword != null && !adminPassword.isBlank();
  }
}
