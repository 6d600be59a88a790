package io.github.securityrelease.advisory;

import static io.github.securityrelease.advisory.AdvisoryCases.PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.semver4j.Semver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R18: the ranges both formats state, read back the way a consumer reads them: OSV's
 * evaluation (docs/schema.md of ossf/osv-schema, "Evaluation", at 51b8156) and the CVE record's
 * (the algorithm in the schema's description of {@code product.versions}). For each real
 * shape, every fixed release and the later patches on its line are not affected, and the
 * versions the team names as affected are.
 */
class AdvisoryRangesTest {

  private final OsvAdvisory osv = new OsvAdvisory(PRODUCT);
  private final Cve5Advisory cve5 = new Cve5Advisory(PRODUCT);

  @ParameterizedTest(name = "R18 {0}: ''{1}'' fixed in ''{2}''")
  @CsvSource(delimiter = '|', value = {
      "open range, fixes on two lines     | >= 0.5.0          | v0.5.4, v0.6.0        | 0.5.0 0.5.3 0.6.0-rc.1         | 0.4.9 0.6.1 0.7.0 1.0.0",
      "fixes on several release branches  | v0.5.0 - v0.6.1   | v0.6.2, v0.5.4        | 0.5.0 0.5.3 0.6.0-rc.1 0.6.0 0.6.1 | 0.4.9 0.5.9 0.7.0",
      "three release branches (R19)       | < 0.8.3           | v0.6.9, v0.7.5, v0.8.3 | 0.1.0 0.6.8 0.7.0 0.7.4 0.8.0 0.8.2 | 0.9.0 1.0.0",
      "a fix only in a new minor          | >= 1.1.0          | v1.2.0                | 1.1.0 1.1.9 1.2.0-rc.1         | 1.0.9 2.0.0",
      "a fix in a pre-release             | >= 1.0.0          | 1.1.4, 1.2.0-rc.2     | 1.0.0 1.1.3 1.2.0-alpha 1.2.0-rc.1 | 0.9.0 1.3.0",
      "a single pre-release affected      | v1.2.0-rc.1       | v1.2.0                | 1.2.0-rc.1                     | 1.1.0 1.2.0-rc.0",
      "a single version affected          | v0.6.0            | v0.6.1                | 0.6.0                          | 0.5.9 0.7.0",
      "v prefixes, both ends affected     | V2.3.1 - v2.4.0   | v2.3.5, v2.4.1        | 2.3.1 2.3.4 2.4.0              | 2.3.0 2.5.0",
      "an unsupported line between fixes  | >= 0.5.0          | v0.5.4, v0.7.1        | 0.5.0 0.6.0 0.6.5 0.7.0        | 0.4.0 0.8.0",
      "no fix released                    | <= 0.6.1          | ''                    | 0.0.1 0.6.1                    | 0.6.2"})
  void consumersReadTheRangesRight(String shape, String affectedText, String fixes, String affected, String unaffected) {
    Map<String, Object> variables = AdvisoryCases.full();
    variables.put("affectedVersions", affectedText);
    variables.put("releaseVersions", fixes);
    Advisory advisory = AdvisoryCases.advisory(variables);
    JsonNode osvRecord = osv.write(advisory);
    JsonNode cveRecord = cve5.write(advisory);
    assertThat(AdvisorySchemas.osvErrors(osvRecord)).isEmpty();
    assertThat(AdvisorySchemas.cveRecordErrors(cveRecord)).isEmpty();
    assertThat(osvRecord.get("aliases").get(0).asText()).isEqualTo(variables.get("cveId"));

    List<String> notAffected = new ArrayList<>(List.of(unaffected.split(" ")));
    for (Semver fix : advisory.fixedVersions()) {
      notAffected.add(fix.toString());
      notAffected.add(Semver.of(fix.getMajor(), fix.getMinor(), fix.getPatch() + 1).build().toString());
      notAffected.add(Semver.of(fix.getMajor(), fix.getMinor(), fix.getPatch() + 2).build().toString());
    }
    for (String version : affected.split(" ")) {
      assertThat(osvAffected(osvRecord, version)).as("OSV says %s is affected", version).isTrue();
      assertThat(cveStatus(cveRecord, version)).as("the CVE record says %s is affected", version).isEqualTo("affected");
    }
    for (String version : notAffected) {
      assertThat(osvAffected(osvRecord, version)).as("OSV says %s is not affected", version).isFalse();
      assertThat(cveStatus(cveRecord, version)).as("the CVE record says %s is not affected", version).isEqualTo("unaffected");
    }
  }

  /** OSV's IncludedInRanges for SEMVER ranges without limit events. */
  private static boolean osvAffected(JsonNode record, String version) {
    Semver v = version(version);
    for (JsonNode range : record.at("/affected/0/ranges")) {
      assertThat(range.get("type").asText()).isEqualTo("SEMVER");
      List<JsonNode> events = new ArrayList<>();
      range.get("events").forEach(events::add);
      events.sort(Comparator.comparing(event -> version(event.fields().next().getValue().asText())));
      boolean vulnerable = false;
      for (JsonNode event : events) {
        if (event.has("introduced") && v.compareTo(version(event.get("introduced").asText())) >= 0) {
          vulnerable = true;
        } else if (event.has("fixed") && v.compareTo(version(event.get("fixed").asText())) >= 0) {
          vulnerable = false;
        } else if (event.has("last_affected") && v.compareTo(version(event.get("last_affected").asText())) > 0) {
          vulnerable = false;
        }
      }
      if (vulnerable) {
        return true;
      }
    }
    return false;
  }

  /** The CVE schema's algorithm for the status of a version; {@code *} is past every version. */
  private static String cveStatus(JsonNode record, String version) {
    Semver v = version(version);
    JsonNode product = record.at("/containers/cna/affected/0");
    for (JsonNode entry : product.path("versions")) {
      assertThat(entry.get("versionType").asText()).isEqualTo("semver");
      Semver from = version(entry.get("version").asText());
      boolean in;
      if (entry.has("lessThan")) {
        String to = entry.get("lessThan").asText();
        in = from.compareTo(v) <= 0 && (to.equals("*") || v.compareTo(version(to)) < 0);
      } else if (entry.has("lessThanOrEqual")) {
        in = from.compareTo(v) <= 0 && v.compareTo(version(entry.get("lessThanOrEqual").asText())) <= 0;
      } else {
        in = from.compareTo(v) == 0;
      }
      if (in) {
        return entry.get("status").asText();
      }
    }
    return product.get("defaultStatus").asText();
  }

  private static Semver version(String text) {
    return Versions.parse(text).orElseThrow();
  }
}
