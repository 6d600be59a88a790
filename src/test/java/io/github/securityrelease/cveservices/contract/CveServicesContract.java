package io.github.securityrelease.cveservices.contract;

import io.github.securityrelease.contract.OpenApiContract;

/**
 * CVE Services' API as the OpenAPI description CVEProject/cve-services publishes says it is:
 * the subset kept in {@code src/test/resources/contracts/cve-services} (its README names the
 * repository, path and commit), checked as {@link OpenApiContract} checks any. Paths are under
 * the description's server path, {@code /api}: {@code POST /api/cve-id}. The three headers
 * {@code CVE-API-ORG}, {@code CVE-API-USER} and {@code CVE-API-KEY} are required parameters of
 * every operation kept, so a request without one is a violation.
 */
public final class CveServicesContract extends OpenApiContract {

  /** Where the kept description is on the test classpath. */
  static final String RESOURCE = "contracts/cve-services/cve-services.subset.json";

  private static final CveServicesContract INSTANCE = new CveServicesContract();

  private CveServicesContract() {
    super(RESOURCE, "CVE Services'", true);
  }

  /** The kept description, read once for the whole test JVM. */
  public static CveServicesContract cveServices() {
    return INSTANCE;
  }
}
