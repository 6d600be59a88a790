package io.github.securityrelease.advisory;

import static io.github.securityrelease.advisory.AdvisoryCases.PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.securityrelease.cases.Cases;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

class OsvAdvisoryTest {

  private final OsvAdvisory osv = new OsvAdvisory(PRODUCT);

  @Test
  @DisplayName("R18 a disclosed case's OSV advisory: CVE, severity, impact, fixed releases, mitigations, references; valid OSV 1.7")
  void fullCase() throws Exception {
    ObjectNode advisory = osv.write(AdvisoryCases.advisory(AdvisoryCases.full()));

    assertThat(AdvisorySchemas.osvErrors(advisory)).isEmpty();
    JSONAssert.assertEquals("""
        {
          "schema_version": "1.7.5",
          "id": "GHSA-4x7q-9wm2-v3cp",
          "modified": "2026-12-09T08:30:00Z",
          "published": "2026-12-08T14:00:00Z",
          "aliases": ["CVE-2026-12345"],
          "summary": "Token leak in controller logs",
          "details": "The fleet controller logs each attached cluster's kubeconfig token; anyone who reads the logs can act on the cluster.\\n\\n**Mitigations**\\n\\nSet the controller's log level to warn.",
          "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}],
          "affected": [{
            "package": {"ecosystem": "Go", "name": "github.com/kurator-dev/kurator"},
            "ranges": [{"type": "SEMVER", "events": [
              {"introduced": "0.5.0"}, {"fixed": "0.5.4"}, {"introduced": "0.6.0-0"}, {"fixed": "0.6.2"}]}],
            "database_specific": {"components": ["fleet-manager", "cluster-operator"]}
          }],
          "references": [
            {"type": "ADVISORY", "url": "https://github.com/kurator-dev/kurator/security/advisories/GHSA-4x7q-9wm2-v3cp"},
            {"type": "ADVISORY", "url": "https://github.com/kurator-dev/kurator/releases/tag/v0.6.2"},
            {"type": "REPORT", "url": "https://github.com/kurator-dev/kurator/issues/777"},
            {"type": "FIX", "url": "https://github.com/kurator-dev/kurator/pull/101"},
            {"type": "FIX", "url": "https://github.com/kurator-dev/kurator/pull/102"},
            {"type": "PACKAGE", "url": "https://github.com/kurator-dev/kurator/releases"},
            {"type": "WEB", "url": "https://github.com/kurator-dev/kurator"}
          ],
          "database_specific": {"severity": "CRITICAL"}
        }""", advisory.toString(), JSONCompareMode.STRICT);
  }

  @Test
  @DisplayName("R18 an advisory links the fixes in the product's public repository only, never a private fork")
  void onlyPublicFixes() {
    String advisory = osv.write(AdvisoryCases.advisory(AdvisoryCases.full())).toString();
    assertThat(advisory).contains("https://github.com/kurator-dev/kurator/pull/101")
        .doesNotContain("kurator-private", "kurator-security");
  }

  @Test
  @DisplayName("R18 a case with only a case ID, a title and a CVE ID still makes a valid OSV advisory")
  void minimalCase() throws Exception {
    ObjectNode advisory = osv.write(AdvisoryCases.advisory(AdvisoryCases.minimal()));

    assertThat(AdvisorySchemas.osvErrors(advisory)).isEmpty();
    JSONAssert.assertEquals("""
        {
          "schema_version": "1.7.5",
          "id": "x_KURATOR-2026-12345",
          "modified": "2026-12-09T08:30:00Z",
          "published": "2026-12-08T14:00:00Z",
          "aliases": ["CVE-2026-12345"],
          "summary": "Token leak in controller logs",
          "details": "Token leak in controller logs",
          "affected": [{"package": {"ecosystem": "Go", "name": "github.com/kurator-dev/kurator"}}],
          "references": [{"type": "WEB", "url": "https://github.com/kurator-dev/kurator"}]
        }""", advisory.toString(), JSONCompareMode.STRICT);
  }

  @Test
  @DisplayName("R18 versions the text does not name as versions stay as written, in database_specific")
  void unreadableVersions() {
    Map<String, Object> variables = AdvisoryCases.full();
    variables.put("affectedVersions", "every release since the fleet API");
    variables.put("releaseVersions", "v0.6.2, next patch");
    JsonNode affected = osv.write(AdvisoryCases.advisory(variables)).get("affected").get(0);

    assertThat(affected.has("ranges")).isFalse();
    assertThat(affected.at("/database_specific/affected_versions").asText()).isEqualTo("every release since the fleet API");
    assertThat(affected.at("/database_specific/fixed_versions").asText()).isEqualTo("v0.6.2, next patch");
    assertThat(AdvisorySchemas.osvErrors(osv.write(AdvisoryCases.advisory(variables)))).isEmpty();
  }

  @Test
  @DisplayName("R18 a CVSS 4.0 vector is OSV's CVSS_V4; a last affected version gets a range of its own")
  void cvss4AndLastAffected() {
    Map<String, Object> variables = AdvisoryCases.full();
    variables.put("cvssVector", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N");
    variables.put("cvssVersion", "4.0");
    variables.put("cvssScore", 8.7);
    variables.put("affectedVersions", "v0.4.0 - v0.4.9, v0.5.0 - v0.6.1");
    ObjectNode advisory = osv.write(AdvisoryCases.advisory(variables));

    assertThat(AdvisorySchemas.osvErrors(advisory)).isEmpty();
    assertThat(advisory.at("/severity/0/type").asText()).isEqualTo("CVSS_V4");
    assertThat(advisory.at("/affected/0/ranges").toString()).isEqualTo("""
        [{"type":"SEMVER","events":[{"introduced":"0.4.0"},{"last_affected":"0.4.9"}]},\
        {"type":"SEMVER","events":[{"introduced":"0.5.0"},{"fixed":"0.5.4"},{"introduced":"0.6.0-0"},{"fixed":"0.6.2"}]}]""");
  }

  @Test
  @DisplayName("R18 a vector stored as typed before vectors were kept canonical is published in canonical form, valid for OSV and CVE")
  void canonicalVector() {
    Map<String, Object> variables = AdvisoryCases.full();
    variables.put("cvssVector", "cvss:4.0/VC:H/AV:N/AC:L/AT:N/PR:N/UI:N/VI:N/VA:N/SC:N/SI:N/SA:N/U:clear");
    variables.put("cvssVersion", "4.0");
    variables.put("cvssScore", 8.7);
    Advisory case_ = AdvisoryCases.advisory(variables);
    ObjectNode advisory = osv.write(case_);

    assertThat(advisory.at("/severity/0/score").asText())
        .isEqualTo("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N/U:Clear");
    assertThat(AdvisorySchemas.osvErrors(advisory)).isEmpty();
    assertThat(AdvisorySchemas.cveRecordErrors(new Cve5Advisory(PRODUCT).write(case_))).isEmpty();
  }

  @Test
  @DisplayName("the schema check is no formality: OSV's schema refuses an ecosystem it does not know")
  void schemaRefusesWhatIsWrong() {
    OsvAdvisory misconfigured = new OsvAdvisory(new AdvisoryProperties(PRODUCT.packageName(), "Golang",
        PRODUCT.vendor(), PRODUCT.product(), PRODUCT.cnaOrgId(), PRODUCT.repositoryUrl(), PRODUCT.osvIdPrefix()));
    ObjectNode advisory = misconfigured.write(AdvisoryCases.advisory(AdvisoryCases.full()));
    assertThat(AdvisorySchemas.osvErrors(advisory)).anyMatch(error -> error.contains("ecosystem"));

    ObjectNode noModified = osv.write(AdvisoryCases.advisory(AdvisoryCases.full()));
    noModified.put("modified", "yesterday");
    assertThat(AdvisorySchemas.osvErrors(noModified)).isNotEmpty();
  }

  @Test
  @DisplayName("R18 the OSV id is the project's own, prefix and the CVE ID's year and number (R27: no case number), the CVE an alias: never a CVE- id that collides with OSV.dev's")
  void ownId() {
    Map<String, Object> variables = AdvisoryCases.full();
    variables.remove("advisoryUrl");
    ObjectNode advisory = osv.write(AdvisoryCases.advisory(variables));

    assertThat(advisory.get("id").asText()).isEqualTo("x_KURATOR-2026-12345").doesNotStartWith("CVE-");
    assertThat(advisory.get("aliases")).containsExactly(new TextNode((String) variables.get("cveId")));
    assertThat(AdvisorySchemas.osvErrors(advisory)).isEmpty();
  }

  @Test
  @DisplayName("R18 an advisory published on GitHub: its GHSA ID is the OSV id, the CVE an alias, its URL an ADVISORY reference")
  void githubAdvisory() {
    Map<String, Object> variables = AdvisoryCases.full();
    ObjectNode advisory = osv.write(AdvisoryCases.advisory(variables));

    assertThat(advisory.get("id").asText()).isEqualTo("GHSA-4x7q-9wm2-v3cp");
    assertThat(advisory.get("aliases")).containsExactly(new TextNode((String) variables.get("cveId")));
    assertThat(advisory.get("references").get(0).toString()).isEqualTo("""
        {"type":"ADVISORY","url":"https://github.com/kurator-dev/kurator/security/advisories/GHSA-4x7q-9wm2-v3cp"}""");

    variables.put("advisoryUrl", "https://kurator.dev/security/2026-0042");
    ObjectNode elsewhere = osv.write(AdvisoryCases.advisory(variables));
    assertThat(elsewhere.get("id").asText()).isEqualTo("x_KURATOR-2026-12345");
    assertThat(elsewhere.get("references").get(0).get("url").asText()).isEqualTo("https://kurator.dev/security/2026-0042");
  }

  @Test
  @DisplayName("R18 modified is the advisory's last change in the case's history and published the actual disclosure, not the plan nor the request")
  void dates() {
    Map<String, Object> variables = AdvisoryCases.full();
    variables.put("publicDisclosureAt", java.util.Date.from(AdvisoryCases.DISCLOSED.minusSeconds(86_400)));
    Advisory advisory = Advisory.from(variables, new Cases.Changes(
        java.time.Instant.parse("2026-12-08T16:45:12.5Z"), java.time.Instant.parse("2026-12-08T14:00:07Z")));
    ObjectNode written = osv.write(advisory);

    assertThat(written.get("modified").asText()).isEqualTo("2026-12-08T16:45:12Z");
    assertThat(written.get("published").asText()).isEqualTo("2026-12-08T14:00:07Z");
  }

  @Test
  @DisplayName("R18 R27 a case under embargo is never a published record: the OSV draft has no published date")
  void embargoed() {
    Map<String, Object> variables = AdvisoryCases.full();
    variables.remove("disclosedAt");
    Advisory advisory = Advisory.from(variables, AdvisoryCases.EMBARGOED);

    assertThat(advisory.disclosed()).isFalse();
    assertThat(osv.write(advisory).has("published")).isFalse();
    assertThat(AdvisorySchemas.osvErrors(osv.write(advisory))).isEmpty();
  }
}
