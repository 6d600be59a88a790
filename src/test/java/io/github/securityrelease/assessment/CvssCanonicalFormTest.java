package io.github.securityrelease.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The canonical vector is what the official schemas allow: every CVSS {@code pattern} of the CVE
 * record schema (its bundled FIRST CVSS schemas) and of the OSV schema, read from the files in
 * {@code src/test/resources/schemas}.
 */
class CvssCanonicalFormTest {

  private static final List<Pattern> PATTERNS = new ArrayList<>();

  private final CvssScorer scorer = new CvssScorer();

  @BeforeAll
  static void patterns() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (String schema : List.of("/schemas/CVE_Record_Format_bundled.json", "/schemas/osv-schema.json")) {
      try (InputStream in = CvssCanonicalFormTest.class.getResourceAsStream(schema)) {
        collect(json.readTree(in));
      }
    }
    // CVE: cvssV3_0, cvssV3_1, cvssV4_0; OSV: CVSS_V3, CVSS_V4
    assertThat(PATTERNS).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  @DisplayName("R5 R18 10,000 canonical CVSS 4.0 vectors with every kind of metric match the CVE and OSV schemas")
  void cvss4() throws IOException {
    List<String> refused = new ArrayList<>();
    for (String line : lines("/cvss/cvss4-random-expected.tsv.gz")) {
      String canonical = scorer.score(shuffle(line.split("\t")[0].toLowerCase(), new Random(line.hashCode()))).vector();
      refused.addAll(refusals(canonical));
    }
    assertThat(refused).isEmpty();
  }

  @Test
  @DisplayName("R5 R18 canonical CVSS 3.0 and 3.1 vectors with temporal and environmental metrics match the CVE and OSV schemas")
  void cvss3() {
    Random random = new Random(30);
    List<String> refused = new ArrayList<>();
    for (CvssVersion version : List.of(CvssVersion.V3_0, CvssVersion.V3_1)) {
      for (int i = 0; i < 2_000; i++) {
        StringBuilder vector = new StringBuilder(version.prefix());
        for (String metric : version.metrics()) {
          if (version.baseMetrics().contains(metric) || random.nextBoolean()) {
            List<String> values = List.of("X", "N", "A", "L", "P", "H", "R", "U", "C", "F", "W", "T", "O", "M").stream()
                .filter(value -> version.value(metric, value).isPresent()).toList();
            vector.append('/').append(metric).append(':').append(values.get(random.nextInt(values.size())));
          }
        }
        refused.addAll(refusals(scorer.score(shuffle(vector.toString(), random)).vector()));
      }
    }
    assertThat(refused).isEmpty();
  }

  @ParameterizedTest(name = "R5 R18 {0}")
  @ValueSource(strings = {
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/u:clear",
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Red/E:U",
      "CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
      "cvss:3.1/av:n/ac:l/pr:n/ui:n/s:u/c:h/i:h/a:h",
  })
  @DisplayName("R5 R18 a vector the schemas refuse as typed is stored in a form they accept")
  void normalised(String typed) {
    assertThat(refusals(typed)).as("the schemas refuse the vector as typed").isNotEmpty();
    assertThat(refusals(scorer.score(typed).vector())).isEmpty();
  }

  /** The patterns meant for this vector's version (their prefix matches) that refuse it. */
  private static List<String> refusals(String vector) {
    String prefix = vector.substring(0, vector.indexOf('/') + 1);
    return PATTERNS.stream()
        .filter(pattern -> Pattern.compile(pattern.pattern().substring(1, pattern.pattern().indexOf('/') + 1),
            Pattern.CASE_INSENSITIVE).matcher(prefix).matches())
        .filter(pattern -> !pattern.matcher(vector).matches())
        .map(pattern -> vector + " !~ " + pattern.pattern())
        .toList();
  }

  private static void collect(JsonNode node) {
    if (node.isObject()) {
      JsonNode pattern = node.get("pattern");
      if (pattern != null && pattern.isTextual() && pattern.asText().startsWith("^CVSS:")) {
        PATTERNS.add(Pattern.compile(pattern.asText()));
      }
      node.elements().forEachRemaining(CvssCanonicalFormTest::collect);
    } else if (node.isArray()) {
      node.elements().forEachRemaining(CvssCanonicalFormTest::collect);
    }
  }

  /** The vector with its metrics in a random order. */
  private static String shuffle(String vector, Random random) {
    String[] segments = vector.split("/");
    List<String> metrics = new ArrayList<>(List.of(segments).subList(1, segments.length));
    Collections.shuffle(metrics, random);
    return segments[0] + "/" + String.join("/", metrics);
  }

  private static List<String> lines(String resource) throws IOException {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(CvssCanonicalFormTest.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
      return reader.lines().filter(line -> !line.isEmpty()).toList();
    }
  }
}
