package io.github.securityrelease.advisory;

import static io.github.securityrelease.advisory.AdvisoryCases.PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

class Cve5AdvisoryTest {

  private final Cve5Advisory cve5 = new Cve5Advisory(PRODUCT);

  @Test
  @DisplayName("R18 a CVE record links the fixes in the product's public repository only, never a private fork")
  void onlyPublicFixes() {
    String record = cve5.write(AdvisoryCases.advisory(AdvisoryCases.full())).toString();
    assertThat(record).contains("https://github.com/kurator-dev/kurator/pull/102")
        .doesNotContain("kurator-private", "kurator-security");
  }

  @Test
  @DisplayName("R18 a disclosed case's CVE record: versions, CVSS, the team's rating, workarounds, solution, references; valid CVE JSON 5.1")
  void fullCase() throws Exception {
    ObjectNode record = cve5.write(AdvisoryCases.advisory(AdvisoryCases.full()));

    assertThat(AdvisorySchemas.cveRecordErrors(record)).isEmpty();
    assertThat(AdvisorySchemas.cnaContainerErrors(record.at("/containers/cna"))).isEmpty();
    JSONAssert.assertEquals("""
        {
          "dataType": "CVE_RECORD",
          "dataVersion": "5.1",
          "cveMetadata": {"cveId": "CVE-2026-12345", "assignerOrgId": "5f2c8a61-3b7e-4d2a-9c41-7e0b6d9a2f13",
                          "state": "PUBLISHED", "datePublished": "2026-12-08T14:00:00Z"},
          "containers": {"cna": {
            "providerMetadata": {"orgId": "5f2c8a61-3b7e-4d2a-9c41-7e0b6d9a2f13"},
            "title": "Token leak in controller logs",
            "datePublic": "2026-12-08T14:00:00Z",
            "descriptions": [{"lang": "en", "value": "The fleet controller logs each attached cluster's kubeconfig token; anyone who reads the logs can act on the cluster."}],
            "affected": [{
              "vendor": "kurator-dev", "product": "kurator", "repo": "https://github.com/kurator-dev/kurator",
              "modules": ["fleet-manager", "cluster-operator"],
              "versions": [
                {"version": "0.5.0", "status": "affected", "versionType": "semver", "lessThan": "0.5.4"},
                {"version": "0.6.0-0", "status": "affected", "versionType": "semver", "lessThan": "0.6.2"}],
              "defaultStatus": "unaffected"}],
            "metrics": [
              {"cvssV3_1": {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
                            "baseScore": 7.5, "baseSeverity": "HIGH"}},
              {"other": {"type": "Textual description of severity", "content": {"text": "CRITICAL"}}}],
            "workarounds": [{"lang": "en", "value": "Set the controller's log level to warn."}],
            "solutions": [{"lang": "en", "value": "Upgrade to v0.6.2 or v0.5.4. Release notes: https://github.com/kurator-dev/kurator/releases/tag/v0.6.2"}],
            "references": [
              {"url": "https://github.com/kurator-dev/kurator/security/advisories/GHSA-4x7q-9wm2-v3cp", "tags": ["vendor-advisory"]},
              {"url": "https://github.com/kurator-dev/kurator/issues/777", "tags": ["issue-tracking", "vendor-advisory"]},
              {"url": "https://github.com/kurator-dev/kurator/releases/tag/v0.6.2", "tags": ["release-notes"]},
              {"url": "https://github.com/kurator-dev/kurator/pull/101", "tags": ["patch"]},
              {"url": "https://github.com/kurator-dev/kurator/pull/102", "tags": ["patch"]},
              {"url": "https://github.com/kurator-dev/kurator/releases"},
              {"url": "https://github.com/kurator-dev/kurator", "tags": ["product"]}]
          }}
        }""", record.toString(), JSONCompareMode.STRICT);
  }

  @Test
  @DisplayName("R18 a case with only a case ID, a title and a CVE ID still makes a valid CVE record, versions unknown")
  void minimalCase() throws Exception {
    ObjectNode record = cve5.write(AdvisoryCases.advisory(AdvisoryCases.minimal()));

    assertThat(AdvisorySchemas.cveRecordErrors(record)).isEmpty();
    assertThat(AdvisorySchemas.cnaContainerErrors(record.at("/containers/cna"))).isEmpty();
    JSONAssert.assertEquals("""
        {"providerMetadata": {"orgId": "5f2c8a61-3b7e-4d2a-9c41-7e0b6d9a2f13"},
         "title": "Token leak in controller logs",
         "datePublic": "2026-12-08T14:00:00Z",
         "descriptions": [{"lang": "en", "value": "Token leak in controller logs"}],
         "affected": [{"vendor": "kurator-dev", "product": "kurator", "repo": "https://github.com/kurator-dev/kurator",
                       "defaultStatus": "unknown"}],
         "references": [{"url": "https://github.com/kurator-dev/kurator", "tags": ["product"]}]}""",
        record.at("/containers/cna").toString(), JSONCompareMode.STRICT);
  }

  @ParameterizedTest(name = "R18 a CVSS {0} vector is the record''s {1}")
  @CsvSource({
      "3.0, cvssV3_0, CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N, 7.5",
      "3.1, cvssV3_1, CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N, 2.2",
      "4.0, cvssV4_0, CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 9.3"})
  void cvssVersions(String version, String key, String vector, double score) {
    Map<String, Object> variables = AdvisoryCases.full();
    variables.put("cvssVersion", version);
    variables.put("cvssVector", vector);
    variables.put("cvssScore", score);
    ObjectNode record = cve5.write(AdvisoryCases.advisory(variables));

    assertThat(AdvisorySchemas.cveRecordErrors(record)).isEmpty();
    assertThat(record.at("/containers/cna/metrics/0/" + key + "/vectorString").asText()).isEqualTo(vector);
  }

  @Test
  @DisplayName("R18 versions the text does not name as versions are told in the description, status unknown")
  void unreadableVersions() {
    Map<String, Object> variables = AdvisoryCases.full();
    variables.put("affectedVersions", "every release since the fleet API");
    ObjectNode cna = cve5.cnaContainer(AdvisoryCases.advisory(variables));

    assertThat(AdvisorySchemas.cnaContainerErrors(cna)).isEmpty();
    assertThat(cna.at("/affected/0/defaultStatus").asText()).isEqualTo("unknown");
    assertThat(cna.at("/affected/0/versions").isMissingNode()).isTrue();
    assertThat(cna.at("/descriptions/0/value").asText()).endsWith("\n\nAffected versions: every release since the fleet API");
  }

  @Test
  @DisplayName("an impact longer than a CVE description may be is cut to the schema's 4096 characters")
  void longImpact() {
    Map<String, Object> variables = AdvisoryCases.full();
    variables.put("impactDescription", "x".repeat(5000));
    ObjectNode record = cve5.write(AdvisoryCases.advisory(variables));

    assertThat(AdvisorySchemas.cveRecordErrors(record)).isEmpty();
    assertThat(record.at("/containers/cna/descriptions/0/value").asText()).hasSize(4096).endsWith("…");
  }

  @Test
  @DisplayName("the schema check is no formality: the CVE schema refuses a record without its CNA's org id")
  void schemaRefusesWhatIsWrong() {
    ObjectNode record = cve5.write(AdvisoryCases.advisory(AdvisoryCases.full()));
    ((ObjectNode) record.at("/containers/cna/providerMetadata")).remove("orgId");
    assertThat(AdvisorySchemas.cveRecordErrors(record)).isNotEmpty();
    assertThat(AdvisorySchemas.cnaContainerErrors(record.at("/containers/cna"))).anyMatch(error -> error.contains("orgId"));
  }

  @Test
  @DisplayName("R18 no CVE record without the CNA's org id in the configuration")
  void noCnaOrgId() {
    Cve5Advisory unconfigured = new Cve5Advisory(new AdvisoryProperties(PRODUCT.packageName(), PRODUCT.ecosystem(),
        PRODUCT.vendor(), PRODUCT.product(), null, PRODUCT.repositoryUrl(), PRODUCT.osvIdPrefix()));
    assertThat(unconfigured.configured()).isFalse();
    assertThatThrownBy(() -> unconfigured.write(AdvisoryCases.advisory(AdvisoryCases.full())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cna-org-id");
  }

  @Test
  @DisplayName("R18 R27 a case under embargo is never a PUBLISHED CVE record; its CNA container is a draft without datePublic")
  void embargoed() {
    Map<String, Object> variables = AdvisoryCases.full();
    variables.remove("disclosedAt");
    Advisory advisory = Advisory.from(variables, AdvisoryCases.EMBARGOED);

    assertThatThrownBy(() -> cve5.write(advisory)).isInstanceOf(IllegalStateException.class).hasMessageContaining("not disclosed");
    ObjectNode draft = cve5.cnaContainer(advisory);
    assertThat(draft.has("datePublic")).isFalse();
    assertThat(AdvisorySchemas.cnaContainerErrors(draft)).isEmpty();
  }

  @Test
  @DisplayName("R18 the advisory URL from Publish security advisory is a vendor-advisory reference of the CVE record")
  void advisoryReference() {
    Map<String, Object> variables = AdvisoryCases.full();
    variables.put("advisoryUrl", "https://kurator.dev/security/2026-0042");
    ObjectNode record = cve5.write(AdvisoryCases.advisory(variables));
    assertThat(record.at("/containers/cna/references/0").toString())
        .isEqualTo("{\"url\":\"https://kurator.dev/security/2026-0042\",\"tags\":[\"vendor-advisory\"]}");
    assertThat(record.at("/cveMetadata/cveId").asText()).isEqualTo(variables.get("cveId"));
  }

  @Test
  @DisplayName("a long description is cut by characters, as the schema's maxLength counts: never half an emoji")
  void limitCountsCharacters() {
    String emoji = "\uD83D\uDD12".repeat(10);
    assertThat(Cve5Advisory.limit(emoji, 10)).isEqualTo(emoji);
    String cut = Cve5Advisory.limit(emoji, 5);
    assertThat(cut.codePointCount(0, cut.length())).isEqualTo(5);
    assertThat(cut).isEqualTo("\uD83D\uDD12".repeat(4) + "…");
  }
}
