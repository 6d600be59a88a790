package io.github.securityrelease.forge;

import org.springframework.beans.factory.ObjectProvider;

/** What every forge delegate needs first. */
final class Forges {

  private Forges() {}

  /** The GitHub client, which exists only when the forge is configured. */
  static GitHub github(ObjectProvider<GitHub> github) {
    GitHub client = github.getIfAvailable();
    if (client == null) {
      throw new ForgeException("no forge is configured (security-release.forge.repository)");
    }
    return client;
  }
}
