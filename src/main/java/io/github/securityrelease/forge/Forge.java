package io.github.securityrelease.forge;

import org.springframework.stereotype.Component;

/**
 * The model's one question about the forge: {@code ${forge.configured()}} chooses, at each
 * release-day and publication step, between the service's delegates and the people's task.
 */
@Component("forge")
public class Forge {

  private final ForgeProperties properties;

  Forge(ForgeProperties properties) {
    this.properties = properties;
  }

  public boolean configured() {
    return properties.configured();
  }
}
