package io.github.securityrelease.cveservices;

import io.github.securityrelease.forge.ForgeProperties;
import org.springframework.stereotype.Component;

/**
 * The model's question about CVE Services: {@code ${cveServices.configured()}} chooses, at
 * "Launch CVE procedures" and at the disclosure, between the service's delegates and the
 * people's tasks. A project has one CNA: CVE Services set together with GitHub as the CNA
 * ({@code security-release.forge.cna}) stops the start.
 */
@Component("cveServices")
public class CveServices {

  private final CveServicesProperties properties;

  public CveServices(CveServicesProperties properties, ForgeProperties forge) {
    if (properties.configured() && forge.cna()) {
      throw new IllegalStateException("security-release.cve-services.url and security-release.forge.cna=true are both "
          + "set: a project has one CNA, either CVE Services or GitHub; unset one of them");
    }
    this.properties = properties;
  }

  /** Whether the service reserves the case's CVE ID and publishes its record through CVE Services. */
  public boolean configured() {
    return properties.configured();
  }
}
