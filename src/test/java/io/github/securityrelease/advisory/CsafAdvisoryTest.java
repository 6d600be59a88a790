package io.github.securityrelease.advisory;

import static io.github.securityrelease.advisory.AdvisoryCases.PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.securityrelease.cases.Cases;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

class CsafAdvisoryTest {

  static final CsafProperties UNSET = new CsafProperties(null, null, "vendor", null, null);

  private final CsafAdvisory csaf = csaf(UNSET);

  static CsafAdvisory csaf(CsafProperties publisher) {
    return new CsafAdvisory(PRODUCT, publisher, new OsvAdvisory(PRODUCT));
  }

  /** Cases that differ in what a CSAF document is made of, each a variation of the full case or of the minimal one. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("full: CVSS 3.1, credit, mitigations, two fixed versions", full(variables -> {})),
        Arguments.of("minimal: a title and a CVE ID", AdvisoryCases.minimal()),
        Arguments.of("CVSS 4.0", full(variables -> {
          variables.put("cvssVector", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U");
          variables.put("cvssVersion", "4.0");
          variables.put("cvssScore", 8.1);
        })),
        Arguments.of("CVSS 3.0 with temporal and environmental metrics", full(variables -> {
          variables.put("cvssVector", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/MAV:P");
          variables.put("cvssVersion", "3.0");
          variables.put("cvssScore", 6.2);
        })),
        Arguments.of("credit declined, no mitigations", full(variables -> {
          variables.remove("credit");
          variables.remove("mitigations");
        })),
        Arguments.of("one fixed version, open-ended affected versions", full(variables -> {
          variables.put("affectedVersions", ">= 0.5.0");
          variables.put("releaseVersions", "v0.6.2");
        })),
        Arguments.of("affected versions in words, a release that is no version", full(variables -> {
          variables.put("affectedVersions", "every release since the fleet manager came");
          variables.put("releaseVersions", "v0.6.2; the next nightly");
        })),
        Arguments.of("no versions at all", full(variables -> {
          variables.remove("affectedVersions");
          variables.remove("releaseVersions");
        })));
  }

  private static Map<String, Object> full(Consumer<Map<String, Object>> change) {
    Map<String, Object> variables = AdvisoryCases.full();
    variables.put("credit", "Jane Doe (@jdoe)");
    change.accept(variables);
    return variables;
  }

  /** The case before its disclosure: nothing in its history, no announcement on record. */
  static Advisory embargoed(Map<String, Object> variables) {
    Map<String, Object> before = new HashMap<>(variables);
    before.remove("disclosedAt");
    Advisory advisory = Advisory.from(before, AdvisoryCases.EMBARGOED);
    assertThat(advisory.disclosed()).isFalse();
    return advisory;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("R18 a CSAF document of every kind of case is valid against the CSAF 2.0 JSON schema, published and as a draft")
  void validAgainstSchema(String kind, Map<String, Object> variables) {
    ObjectNode published = csaf.write(AdvisoryCases.advisory(variables));
    ObjectNode draft = csaf.write(embargoed(variables));

    assertThat(AdvisorySchemas.csafErrors(published)).as(published.toPrettyString()).isEmpty();
    assertThat(AdvisorySchemas.csafErrors(draft)).as(draft.toPrettyString()).isEmpty();
    assertThat(published.at("/document/category").asText()).isEqualTo("csaf_security_advisory");
  }

  @Test
  @DisplayName("the CSAF schema test fails a document that breaks it")
  void schemaCatchesErrors() {
    ObjectNode document = csaf.write(AdvisoryCases.advisory(full(variables -> {})));
    ((ObjectNode) document.at("/document/tracking")).put("status", "published");
    ((ObjectNode) document.at("/vulnerabilities/0/scores/0/cvss_v3")).put("baseSeverity", "SEVERE");

    // the one from the CSAF schema, the other from FIRST's CVSS 3.1 schema it refers to
    assertThat(AdvisorySchemas.csafErrors(document))
        .anySatisfy(error -> assertThat(error).contains("/document/tracking/status"))
        .anySatisfy(error -> assertThat(error).contains("/vulnerabilities/0/scores/0/cvss_v3/baseSeverity"));
  }

  @Test
  @DisplayName("R18 R28 a disclosed case's CSAF document: product tree, CVE, CVSS 3.1, status, remediations, references, credit, tracking")
  void fullCase() throws Exception {
    ObjectNode document = csaf.write(AdvisoryCases.advisory(full(variables -> {})));

    JSONAssert.assertEquals("""
        {
          "document": {
            "category": "csaf_security_advisory",
            "csaf_version": "2.0",
            "aggregate_severity": {"text": "CRITICAL"},
            "distribution": {"tlp": {"label": "WHITE", "url": "https://www.first.org/tlp/"}},
            "lang": "en",
            "notes": [{"category": "summary", "title": "Summary",
                       "text": "The fleet controller logs each attached cluster's kubeconfig token; anyone who reads the logs can act on the cluster."}],
            "publisher": {"category": "vendor", "name": "kurator-dev", "namespace": "https://github.com/kurator-dev/kurator"},
            "references": [
              {"category": "external", "summary": "The project's security advisory", "url": "https://github.com/kurator-dev/kurator/security/advisories/GHSA-4x7q-9wm2-v3cp"},
              {"category": "external", "summary": "Release notes of the fixed release", "url": "https://github.com/kurator-dev/kurator/releases/tag/v0.6.2"},
              {"category": "external", "summary": "Tracking issue", "url": "https://github.com/kurator-dev/kurator/issues/777"},
              {"category": "external", "summary": "Released binaries", "url": "https://github.com/kurator-dev/kurator/releases"},
              {"category": "external", "summary": "The product's source repository", "url": "https://github.com/kurator-dev/kurator"}],
            "title": "Token leak in controller logs",
            "tracking": {
              "current_release_date": "2026-12-09T08:30:00Z",
              "generator": {"engine": {"name": "Security Release Orchestrator"}},
              "id": "GHSA-4x7q-9wm2-v3cp",
              "initial_release_date": "2026-12-08T14:00:00Z",
              "revision_history": [
                {"date": "2026-12-08T14:00:00Z", "number": "1", "summary": "Initial public release."},
                {"date": "2026-12-09T08:30:00Z", "number": "2", "summary": "The advisory changed after its publication."}],
              "status": "final",
              "version": "2"
            }
          },
          "product_tree": {"branches": [{"category": "vendor", "name": "kurator-dev", "branches": [
            {"category": "product_name", "name": "kurator", "branches": [
              {"category": "product_version_range", "name": "vers:semver/>=0.5.0|<0.5.4",
               "product": {"name": "kurator:vers:semver/>=0.5.0|<0.5.4", "product_id": "kurator:vers:semver/>=0.5.0|<0.5.4"}},
              {"category": "product_version_range", "name": "vers:semver/>=0.6.0-0|<0.6.2",
               "product": {"name": "kurator:vers:semver/>=0.6.0-0|<0.6.2", "product_id": "kurator:vers:semver/>=0.6.0-0|<0.6.2"}},
              {"category": "product_version", "name": "0.6.2", "product": {"name": "kurator 0.6.2", "product_id": "kurator:0.6.2"}},
              {"category": "product_version", "name": "0.5.4", "product": {"name": "kurator 0.5.4", "product_id": "kurator:0.5.4"}}]}]}]},
          "vulnerabilities": [{
            "acknowledgments": [{"names": ["Jane Doe (@jdoe)"], "summary": "found and reported the vulnerability"}],
            "cve": "CVE-2026-12345",
            "ids": [{"system_name": "GitHub Security Advisories", "text": "GHSA-4x7q-9wm2-v3cp"}],
            "notes": [
              {"category": "description", "title": "Impact",
               "text": "The fleet controller logs each attached cluster's kubeconfig token; anyone who reads the logs can act on the cluster."},
              {"category": "details", "title": "Affected components", "text": "fleet-manager, cluster-operator"}],
            "product_status": {
              "fixed": ["kurator:0.6.2", "kurator:0.5.4"],
              "known_affected": ["kurator:vers:semver/>=0.5.0|<0.5.4", "kurator:vers:semver/>=0.6.0-0|<0.6.2"]},
            "references": [
              {"category": "external", "summary": "The fix", "url": "https://github.com/kurator-dev/kurator/pull/101"},
              {"category": "external", "summary": "The fix", "url": "https://github.com/kurator-dev/kurator/pull/102"}],
            "release_date": "2026-12-08T14:00:00Z",
            "remediations": [
              {"category": "vendor_fix", "details": "Upgrade to v0.6.2 or v0.5.4. Release notes: https://github.com/kurator-dev/kurator/releases/tag/v0.6.2",
               "product_ids": ["kurator:vers:semver/>=0.5.0|<0.5.4", "kurator:vers:semver/>=0.6.0-0|<0.6.2"],
               "url": "https://github.com/kurator-dev/kurator/releases/tag/v0.6.2"},
              {"category": "mitigation", "details": "Set the controller's log level to warn.",
               "product_ids": ["kurator:vers:semver/>=0.5.0|<0.5.4", "kurator:vers:semver/>=0.6.0-0|<0.6.2"]}],
            "scores": [{"cvss_v3": {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
                                    "baseScore": 7.5, "baseSeverity": "HIGH"},
                        "products": ["kurator:vers:semver/>=0.5.0|<0.5.4", "kurator:vers:semver/>=0.6.0-0|<0.6.2"]}],
            "title": "Token leak in controller logs"
          }]
        }""", document.toString(), JSONCompareMode.STRICT);
  }

  @Test
  @DisplayName("R18 CSAF 2.0 has no cvss_v4: a CVSS 4.0 vector is no score but a note with its score")
  void cvss4() {
    ObjectNode document = csaf.write(AdvisoryCases.advisory(full(variables -> {
      variables.put("cvssVector", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U");
      variables.put("cvssScore", 8.1);
    })));

    JsonNode vulnerability = document.at("/vulnerabilities/0");
    assertThat(vulnerability.has("scores")).isFalse();
    assertThat(vulnerability.at("/notes/2/title").asText()).isEqualTo("CVSS v4.0");
    assertThat(vulnerability.at("/notes/2/category").asText()).isEqualTo("other");
    assertThat(vulnerability.at("/notes/2/text").asText())
        .isEqualTo("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U (score 8.1, HIGH)");
  }

  @Test
  @DisplayName("R28 a reporter who declined credit is acknowledged nowhere in the CSAF document")
  void noCredit() {
    ObjectNode document = csaf.write(AdvisoryCases.advisory(AdvisoryCases.full()));

    assertThat(document.at("/vulnerabilities/0").has("acknowledgments")).isFalse();
    assertThat(document.has("acknowledgments")).isFalse();
  }

  @Test
  @DisplayName("R18 R27 a case under embargo gives a draft: status draft, version 0, TLP:RED, no release date")
  void draft() {
    ObjectNode document = csaf.write(embargoed(full(variables -> {})));

    JsonNode tracking = document.at("/document/tracking");
    assertThat(tracking.get("status").asText()).isEqualTo("draft");
    assertThat(tracking.get("version").asText()).isEqualTo("0");
    assertThat(tracking.get("revision_history")).hasSize(1);
    assertThat(tracking.get("initial_release_date").asText()).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(document.at("/document/distribution/tlp/label").asText()).isEqualTo("RED");
    assertThat(document.at("/vulnerabilities/0").has("release_date")).isFalse();
  }

  @Test
  @DisplayName("R18 a case that did not change after its publication is version 1, one revision")
  void unchangedSincePublication() {
    ObjectNode document = csaf.write(Advisory.from(AdvisoryCases.full(),
        new Cases.Changes(AdvisoryCases.DISCLOSED, AdvisoryCases.DISCLOSED)));

    JsonNode tracking = document.at("/document/tracking");
    assertThat(tracking.get("version").asText()).isEqualTo("1");
    assertThat(tracking.get("revision_history")).hasSize(1);
    assertThat(tracking.get("current_release_date").asText()).isEqualTo(tracking.get("initial_release_date").asText());
  }

  @Test
  @DisplayName("R18 without affected versions the product itself is known affected; versions in words are a range named by them")
  void productsWithoutReadableVersions() {
    ObjectNode none = csaf.write(AdvisoryCases.advisory(AdvisoryCases.minimal()));
    assertThat(none.at("/product_tree/full_product_names/0/product_id").asText()).isEqualTo("kurator");
    assertThat(none.at("/vulnerabilities/0/product_status/known_affected/0").asText()).isEqualTo("kurator");
    assertThat(none.at("/product_tree").has("branches")).isFalse();

    ObjectNode words = csaf.write(AdvisoryCases.advisory(full(variables ->
        variables.put("affectedVersions", "every release since the fleet manager came"))));
    JsonNode range = words.at("/product_tree/branches/0/branches/0/branches/0");
    assertThat(range.get("category").asText()).isEqualTo("product_version_range");
    assertThat(range.get("name").asText()).isEqualTo("every release since the fleet manager came");
  }

  @Test
  @DisplayName("the publisher comes from security-release.advisory.csaf.*")
  void configuredPublisher() throws Exception {
    CsafAdvisory configured = csaf(new CsafProperties("The Kurator project", URI.create("https://kurator.dev"),
        "vendor", "security@kurator.dev", "The project's security team"));

    JSONAssert.assertEquals("""
        {"category": "vendor", "name": "The Kurator project", "namespace": "https://kurator.dev",
         "contact_details": "security@kurator.dev", "issuing_authority": "The project's security team"}""",
        configured.write(AdvisoryCases.advisory(AdvisoryCases.full())).at("/document/publisher").toString(),
        JSONCompareMode.STRICT);
  }
}
