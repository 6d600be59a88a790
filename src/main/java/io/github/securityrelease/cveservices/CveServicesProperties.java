package io.github.securityrelease.cveservices;

import io.github.securityrelease.web.OutsideUrls;
import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * CVE Services, for a project that is a CNA (R12, R18): where the service reserves the case's
 * CVE ID and publishes its record. Unset {@code url}: not configured, and reserving and
 * publishing stay people's tasks. Set, {@code org}, {@code user} and {@code api-key} are
 * required too; a missing one stops the start-up naming it.
 *
 * @param url the CVE Services API, with its {@code /api} path, e.g. {@code https://cveawg.mitre.org/api};
 *     {@code https} only (loopback {@code http} for tests)
 * @param org the CNA's short name: {@code CVE-API-ORG}, and the {@code short_name} IDs are reserved for
 * @param user the API user: {@code CVE-API-USER}
 * @param apiKey the user's API key, from SECURITY_RELEASE_CVE_SERVICES_API_KEY: {@code CVE-API-KEY};
 *     never logged, never in a message
 */
@ConfigurationProperties("security-release.cve-services")
public record CveServicesProperties(URI url, String org, String user, String apiKey) {

  private static final Pattern SHORT_NAME = Pattern.compile("[A-Za-z0-9_-]{2,32}");

  public CveServicesProperties {
    if (url != null) {
      if (!OutsideUrls.secure(url)) {
        throw new IllegalArgumentException("security-release.cve-services.url must be https://");
      }
      if (url.getHost() == null || url.getRawUserInfo() != null || url.getRawQuery() != null) {
        throw new IllegalArgumentException("security-release.cve-services.url must be a plain https://host/path");
      }
      require(org, "org");
      require(user, "user");
      require(apiKey, "api-key (SECURITY_RELEASE_CVE_SERVICES_API_KEY)");
      if (!SHORT_NAME.matcher(org).matches()) {
        throw new IllegalArgumentException("security-release.cve-services.org is not a CNA short name: " + org);
      }
    }
  }

  /** Whether CVE Services is set: then the client is a bean. */
  public boolean configured() {
    return url != null;
  }

  /** Never the key: a record's own toString would print it. */
  @Override
  public String toString() {
    return "CveServicesProperties[url=" + url + ", org=" + org + ", user=" + user + ", apiKey="
        + (apiKey == null || apiKey.isEmpty() ? null : "***") + "]";
  }

  private static void require(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("security-release.cve-services." + key + " is required with a url");
    }
  }
}
