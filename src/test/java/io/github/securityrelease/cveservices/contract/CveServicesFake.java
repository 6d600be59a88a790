package io.github.securityrelease.cveservices.contract;

import io.github.securityrelease.contract.ContractFake;

/**
 * CVE Services faked by WireMock, every stub and every request held to the published
 * description ({@link CveServicesContract}). Stubs name the path as sent, under {@code /api}
 * ({@code post(urlPathEqualTo("/api/cve-id"))}); configure {@link #apiUrl()} as the service's
 * {@code security-release.cve-services.url}. Register it with {@code @RegisterExtension}, or a
 * {@link #started()} one in a static field for a Spring IT.
 */
public final class CveServicesFake extends ContractFake {

  public CveServicesFake() {
    super(CveServicesContract.cveServices(), "CVE Services'");
  }

  /** A fake listening already, on a free port, until its class ends (register it in a static field). */
  public static CveServicesFake started() {
    CveServicesFake fake = new CveServicesFake();
    fake.startForTheClass();
    return fake;
  }

  /** The API's URL as the service is configured with it, e.g. {@code http://127.0.0.1:41234/api}. */
  public String apiUrl() {
    return baseUrl() + CveServicesContract.cveServices().basePath();
  }
}
