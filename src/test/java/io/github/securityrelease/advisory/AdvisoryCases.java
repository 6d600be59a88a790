package io.github.securityrelease.advisory;

import io.github.securityrelease.cases.Cases;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Case variables as the engine returns them, for the advisory tests. */
final class AdvisoryCases {

  static final UUID CNA_ORG_ID = UUID.fromString("5f2c8a61-3b7e-4d2a-9c41-7e0b6d9a2f13");

  static final AdvisoryProperties PRODUCT = new AdvisoryProperties("github.com/kurator-dev/kurator", "Go",
      "kurator-dev", "kurator", CNA_ORG_ID, URI.create("https://github.com/kurator-dev/kurator"), "x_KURATOR");

  static final Instant DISCLOSED = Instant.parse("2026-12-08T14:00:00Z");

  /** The case's history: disclosure began at DISCLOSED, a variable last changed the morning after. */
  static final Cases.Changes HISTORY = new Cases.Changes(Instant.parse("2026-12-09T08:30:00.123Z"), DISCLOSED);

  /** A case under embargo: no disclosure in its history. */
  static final Cases.Changes EMBARGOED = new Cases.Changes(Instant.parse("2026-12-01T10:00:00Z"), null);

  static Advisory advisory(Map<String, Object> variables) {
    return Advisory.from(variables, HISTORY);
  }

  private AdvisoryCases() {}

  /** Only what every case with a CVE ID has for sure: the intake's case ID and title, and the CVE ID. */
  static Map<String, Object> minimal() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", "SEC-2026-0042");
    variables.put("title", "Token leak in controller logs");
    variables.put("cveId", "CVE-2026-12345");
    return variables;
  }

  /** A case at the end of PUBLIC_DISCLOSURE: assessed, fixed, released and disclosed. */
  static Map<String, Object> full() {
    Map<String, Object> variables = minimal();
    variables.put("status", "DISCLOSED");
    variables.put("impactDescription", "The fleet controller logs each attached cluster's kubeconfig token; "
        + "anyone who reads the logs can act on the cluster.");
    variables.put("cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
    variables.put("cvssVersion", "3.1");
    variables.put("cvssScore", 7.5);
    variables.put("computedSeverity", "HIGH");
    variables.put("severity", "CRITICAL");
    variables.put("severityOverridden", true);
    variables.put("affectedVersions", "v0.5.0 - v0.6.1");
    variables.put("affectedComponents", "fleet-manager, cluster-operator");
    variables.put("fixPullRequests", """
        https://github.com/kurator-dev/kurator/pull/101
        https://github.com/kurator-dev/kurator/pull/102
        https://github.com/kurator-dev/kurator-private/pull/7
        https://github.com/kurator-dev/kurator/../kurator-security/pull/3
        backport to release-0.5 reviewed in the private fork""");
    variables.put("mitigations", "Set the controller's log level to warn.");
    variables.put("releaseVersions", "v0.6.2, v0.5.4");
    variables.put("releaseNotesUrl", "https://github.com/kurator-dev/kurator/releases/tag/v0.6.2");
    variables.put("trackingIssueUrl", "https://github.com/kurator-dev/kurator/issues/777");
    variables.put("binariesLocation", "https://github.com/kurator-dev/kurator/releases");
    variables.put("advisoryUrl", "https://github.com/kurator-dev/kurator/security/advisories/GHSA-4x7q-9wm2-v3cp");
    variables.put("publicDisclosureAt", Date.from(DISCLOSED));
    variables.put("disclosedAt", Date.from(DISCLOSED.plusSeconds(600)));
    return variables;
  }
}
