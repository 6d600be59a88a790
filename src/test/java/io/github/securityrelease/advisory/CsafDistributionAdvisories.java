package io.github.securityrelease.advisory;

import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.web.PublicUrl;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public advisories as an implementation of {@link PublicAdvisories} gives them: exactly
 * those it was handed, the most recently changed first; and the advisories the CSAF
 * distribution tests hand it.
 */
final class CsafDistributionAdvisories implements PublicAdvisories {

  static final PublicUrl PUBLIC_URL = new PublicUrl(URI.create("https://kurator.dev"));
  static final CsafDistributionProperties PROPERTIES =
      new CsafDistributionProperties("csaf_provider", true, false, Duration.ofMinutes(10));

  private final List<Advisory> advisories = new ArrayList<>();

  CsafDistributionAdvisories(Advisory... advisories) {
    this.advisories.addAll(List.of(advisories));
  }

  /** The case went public: from now on the page's implementation gives it. */
  void disclose(Advisory advisory) {
    advisories.add(advisory);
  }

  @Override
  public List<Advisory> all() {
    return advisories.stream().sorted(Comparator.comparing(Advisory::modified).reversed()).toList();
  }

  @Override
  public Optional<Advisory> find(String cveId) {
    return advisories.stream().filter(advisory -> advisory.cveId().equals(cveId)).findFirst();
  }

  CsafDistribution distribution() {
    return new CsafDistribution(this, CsafAdvisoryTest.csaf(CsafAdvisoryTest.UNSET), PUBLIC_URL, PROPERTIES);
  }

  /** The full case, published on GitHub: tracking id GHSA-4x7q-9wm2-v3cp, released 2026-12-08, changed 2026-12-09. */
  static Advisory onGitHub() {
    return AdvisoryCases.advisory(AdvisoryCases.full());
  }

  /** A case of the year before, not on GitHub: tracking id x_KURATOR-2025-31337, released 2025-03-01, changed the day after. */
  static Advisory lastYear() {
    Map<String, Object> variables = AdvisoryCases.minimal();
    variables.put("caseId", "SEC-2025-0007");
    variables.put("cveId", "CVE-2025-31337");
    variables.put("title", "Webhook accepts unsigned payloads");
    return Advisory.from(variables,
        new Cases.Changes(Instant.parse("2025-03-02T09:00:00Z"), Instant.parse("2025-03-01T12:00:00Z")));
  }

  /** A case under embargo, whose CVE ID, case ID and title appear nowhere public. */
  static Advisory embargoed() {
    Map<String, Object> variables = AdvisoryCases.minimal();
    variables.put("caseId", "SEC-2026-0099");
    variables.put("cveId", "CVE-2026-99999");
    variables.put("title", "Embargoed controller takeover");
    return Advisory.from(variables, new Cases.Changes(Instant.parse("2026-12-10T10:00:00Z"), null));
  }
}
