package io.github.securityrelease.forge;

import org.springframework.stereotype.Component;

/**
 * The model's questions about the forge: {@code ${forge.configured()}} chooses, at each
 * release-day and publication step, between the service's delegates and the people's task;
 * {@code ${forge.pollInterval()}} is how long the model waits before it asks the forge itself.
 */
@Component("forge")
public class Forge {

  private final ForgeProperties properties;

  public Forge(ForgeProperties properties) {
    this.properties = properties;
  }

  public boolean configured() {
    return properties.configured();
  }

  /** Whether GitHub assigns the case's CVE ID, through its repository advisory. */
  public boolean cna() {
    return properties.configured() && properties.cna();
  }

  /** An ISO 8601 duration, for the timers. */
  public String pollInterval() {
    return properties.pollInterval().toString();
  }

  /**
   * The public repository's branch of a branch the plan names: the policy's "master" is the
   * configured main branch.
   */
  public String branchOf(String planned) {
    return FixCherryPick.MASTER.equals(planned) ? properties.mainBranch() : planned;
  }
}
