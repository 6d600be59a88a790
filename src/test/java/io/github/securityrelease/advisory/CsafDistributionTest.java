package io.github.securityrelease.advisory;

import static io.github.securityrelease.advisory.CsafDistributionAdvisories.embargoed;
import static io.github.securityrelease.advisory.CsafDistributionAdvisories.lastYear;
import static io.github.securityrelease.advisory.CsafDistributionAdvisories.onGitHub;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.securityrelease.advisory.CsafDistribution.Document;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CsafDistributionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CsafDistributionAdvisories published = new CsafDistributionAdvisories(lastYear(), onGitHub());
  private final CsafDistribution distribution = published.distribution();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "cisco-sa-20190513-secureboot | cisco-sa-20190513-secureboot.json",
      "Example Company - 2019-YH3234 | example_company_-_2019-yh3234.json",
      "RHBA-2019:0024 | rhba-2019_0024.json",
      "2022_#01-A | 2022_01-a.json",
      "x_KURATOR-2026-0042 | x_kurator-2026-0042.json",
      "GHSA-4x7q-9wm2-v3cp | ghsa-4x7q-9wm2-v3cp.json",
      "a+b__c | a+b_c.json"})
  @DisplayName("R18 a CSAF document's file name follows CSAF 5.1: the tracking id in lower case, other characters one underscore, .json")
  void fileNames(String trackingId, String fileName) {
    assertThat(CsafDistribution.fileName(trackingId)).isEqualTo(fileName);
  }

  @Test
  @DisplayName("R18 every public advisory is a document in the folder of its initial release's year, named by its tracking id")
  void documentsByYear() throws Exception {
    List<Document> documents = distribution.documents();

    assertThat(documents).extracting(Document::path)
        .containsExactly("2026/ghsa-4x7q-9wm2-v3cp.json", "2025/x_kurator-2025-31337.json");
    for (Document document : documents) {
      JsonNode served = JSON.readTree(document.bytes());
      assertThat(served.at("/document/tracking/id").asText()).isEqualTo(document.trackingId());
      assertThat(served.at("/document/tracking/initial_release_date").asText()).startsWith(document.year() + "-");
      assertThat(served.at("/document/distribution/tlp/label").asText()).isEqualTo("WHITE");
    }
  }

  @Test
  @DisplayName("R18 a published document's SHA-256 file is the hash of the bytes served and the file name, as sha256sum writes them")
  void sha256Files() {
    for (Document document : distribution.documents()) {
      assertThat(document.sha256File())
          .matches("[0-9a-f]{64}  " + document.fileName().replace("+", "\\+") + "\n")
          .startsWith(CsafDistribution.sha256(document.bytes()));
    }
    // the hash of known bytes, as sha256sum gives it
    assertThat(CsafDistribution.sha256("abc".getBytes()))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  static List<Arguments> cases() {
    return CsafAdvisoryTest.cases().toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("R18 every kind of case's published document names its canonical URL (self, https, the 5.1 file name) and stays valid against the CSAF schema")
  void selfReference(String kind, Map<String, Object> variables) throws Exception {
    Document document = new CsafDistributionAdvisories(AdvisoryCases.advisory(variables)).distribution()
        .documents().get(0);
    JsonNode served = JSON.readTree(document.bytes());

    assertThat(AdvisorySchemas.csafErrors(served)).as(served.toPrettyString()).isEmpty();
    JsonNode self = served.at("/document/references/0");
    assertThat(self.get("category").asText()).isEqualTo("self");
    assertThat(self.get("url").asText())
        .isEqualTo("https://kurator.dev/.well-known/csaf/white/" + document.path())
        .endsWith("/" + CsafDistribution.fileName(served.at("/document/tracking/id").asText()));
    assertThat(served.at("/document/references")).filteredOn(reference -> reference.get("category").asText().equals("self"))
        .hasSize(1);
  }

  @Test
  @DisplayName("R18 index.txt lists every document's path, changes.csv its path and current release date, quoted, latest first, no heading")
  void indexAndChanges() {
    List<Document> documents = distribution.documents();

    assertThat(distribution.index(documents)).isEqualTo("""
        2026/ghsa-4x7q-9wm2-v3cp.json
        2025/x_kurator-2025-31337.json
        """);
    assertThat(distribution.changes(documents)).isEqualTo("""
        "2026/ghsa-4x7q-9wm2-v3cp.json","2026-12-09T08:30:00Z"
        "2025/x_kurator-2025-31337.json","2025-03-02T09:00:00Z"
        """);
  }

  @Test
  @DisplayName("R18 the provider metadata is valid against CSAF's provider schema: canonical URL, the documents' publisher, both distributions, role")
  void providerMetadata() {
    ObjectNode metadata = distribution.providerMetadata(distribution.documents());

    assertThat(AdvisorySchemas.csafProviderErrors(metadata)).as(metadata.toPrettyString()).isEmpty();
    assertThat(metadata.get("canonical_url").asText()).isEqualTo("https://kurator.dev/.well-known/csaf/provider-metadata.json");
    assertThat(metadata.get("publisher"))
        .isEqualTo(CsafAdvisoryTest.csaf(CsafAdvisoryTest.UNSET).write(onGitHub()).at("/document/publisher"));
    assertThat(metadata.at("/distributions/0/directory_url").asText()).isEqualTo("https://kurator.dev/.well-known/csaf/white/");
    assertThat(metadata.at("/distributions/1/rolie/feeds/0/url").asText())
        .isEqualTo("https://kurator.dev/.well-known/csaf/white/csaf-feed-tlp-white.json");
    assertThat(metadata.at("/distributions/1/rolie/feeds/0/tlp_label").asText()).isEqualTo("WHITE");
    assertThat(metadata.get("last_updated").asText()).isEqualTo("2026-12-09T08:30:00Z");
    assertThat(metadata.get("role").asText()).isEqualTo("csaf_provider");
    assertThat(metadata.get("metadata_version").asText()).isEqualTo("2.0");
    assertThat(metadata.get("list_on_CSAF_aggregators").asBoolean()).isTrue();
    assertThat(metadata.get("mirror_on_CSAF_aggregators").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("the provider schema test fails metadata that breaks it")
  void providerSchemaCatchesErrors() {
    ObjectNode metadata = distribution.providerMetadata(distribution.documents());
    metadata.put("role", "csaf_aggregator");
    metadata.remove("last_updated");
    ((ObjectNode) metadata.get("publisher")).put("category", "company");

    assertThat(AdvisorySchemas.csafProviderErrors(metadata))
        .anySatisfy(error -> assertThat(error).contains("/role"))
        .anySatisfy(error -> assertThat(error).contains("last_updated"))
        .anySatisfy(error -> assertThat(error).contains("/publisher/category"));
  }

  @Test
  @DisplayName("R18 the ROLIE feed has the members of CSAF 7.1.15's example: an entry per document with id, title, self and hash links, dates, content, format")
  void rolieFeed() {
    List<Document> documents = distribution.documents();
    JsonNode feed = distribution.feed(documents).get("feed");

    assertThat(feed.get("id").asText()).isNotBlank();
    assertThat(feed.get("title").asText()).isEqualTo("kurator-dev CSAF feed (TLP:WHITE)");
    assertThat(feed.at("/link/0/rel").asText()).isEqualTo("self");
    assertThat(feed.at("/link/0/href").asText()).isEqualTo("https://kurator.dev/.well-known/csaf/white/csaf-feed-tlp-white.json");
    assertThat(feed.at("/category/0/scheme").asText()).isEqualTo("urn:ietf:params:rolie:category:information-type");
    assertThat(feed.at("/category/0/term").asText()).isEqualTo("csaf");
    assertThat(feed.get("updated").asText()).isEqualTo("2026-12-09T08:30:00Z");
    assertThat(feed.get("entry")).hasSize(2);
    JsonNode entry = feed.at("/entry/0");
    String url = "https://kurator.dev/.well-known/csaf/white/2026/ghsa-4x7q-9wm2-v3cp.json";
    assertThat(entry.get("id").asText()).isEqualTo("GHSA-4x7q-9wm2-v3cp");
    assertThat(entry.get("title").asText()).isEqualTo("Token leak in controller logs");
    assertThat(entry.at("/link/0/rel").asText()).isEqualTo("self");
    assertThat(entry.at("/link/0/href").asText()).isEqualTo(url);
    assertThat(entry.at("/link/1/rel").asText()).isEqualTo("hash");
    assertThat(entry.at("/link/1/href").asText()).isEqualTo(url + ".sha256");
    assertThat(entry.get("published").asText()).isEqualTo("2026-12-08T14:00:00Z");
    assertThat(entry.get("updated").asText()).isEqualTo("2026-12-09T08:30:00Z");
    assertThat(entry.at("/content/type").asText()).isEqualTo("application/json");
    assertThat(entry.at("/content/src").asText()).isEqualTo(url);
    assertThat(entry.at("/format/schema").asText()).isEqualTo(AdvisorySchemas.CSAF_ID);
    assertThat(entry.at("/format/version").asText()).isEqualTo("2.0");
    assertThat(feed.at("/entry/1/id").asText()).isEqualTo("x_KURATOR-2025-31337");
  }

  @Test
  @DisplayName("R18 R27 without a public advisory the distribution is empty and dated at a fixed epoch, never now")
  void nothingPublished() {
    CsafDistribution empty = new CsafDistributionAdvisories().distribution();
    List<Document> none = empty.documents();

    ObjectNode metadata = empty.providerMetadata(none);
    assertThat(AdvisorySchemas.csafProviderErrors(metadata)).isEmpty();
    assertThat(metadata.get("last_updated").asText()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(empty.feed(none).at("/feed/updated").asText()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(empty.feed(none).at("/feed/entry")).isEmpty();
    assertThat(empty.index(none)).isEmpty();
    assertThat(empty.changes(none)).isEmpty();
  }

  @Test
  @DisplayName("R27 before its disclosure nothing of a case appears: not its ID, count or date; after it, its document does")
  void beforeAndAfterDisclosure() {
    Advisory disclosed = onGitHub();
    CsafDistributionAdvisories advisories = new CsafDistributionAdvisories(lastYear());
    String before = everything(advisories.distribution());
    assertThat(before).doesNotContain(disclosed.cveId(), disclosed.caseId(), "GHSA-4x7q-9wm2-v3cp", "2026-");

    advisories.disclose(disclosed);
    String after = everything(advisories.distribution());

    assertThat(after).contains(disclosed.cveId(), "GHSA-4x7q-9wm2-v3cp", "2026-12-09T08:30:00Z");
    assertThat(after).doesNotContain(disclosed.caseId());
  }

  @Test
  @DisplayName("R27 an advisory that is not disclosed shows nowhere, even if it were handed over as public")
  void undisclosedLeftOut() {
    Advisory hidden = embargoed();
    String without = everything(new CsafDistributionAdvisories(lastYear(), onGitHub()).distribution());
    String with = everything(new CsafDistributionAdvisories(lastYear(), onGitHub(), hidden).distribution());

    assertThat(with).isEqualTo(without).doesNotContain(hidden.cveId(), "0099", hidden.title(), "2026-12-10");
  }

  /** Everything the distribution serves, as one text. */
  private static String everything(CsafDistribution distribution) {
    List<Document> documents = distribution.documents();
    StringBuilder text = new StringBuilder()
        .append(distribution.providerMetadata(documents)).append(distribution.feed(documents))
        .append(distribution.index(documents)).append(distribution.changes(documents));
    documents.forEach(document -> text.append(new String(document.bytes())).append(document.sha256File()));
    return text.toString();
  }
}
