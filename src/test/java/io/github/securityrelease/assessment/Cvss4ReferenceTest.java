package io.github.securityrelease.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The scorer against FIRST's CVSS 4.0 reference calculator on every base vector and on 10,000
 * seeded random vectors with threat, environmental and supplemental metrics. The expected
 * scores were written by the reference's own code ({@code src/test/node/cvss4-expected.js}; see
 * {@code src/test/resources/cvss/README.md}), so no Node is needed here.
 */
class Cvss4ReferenceTest {

  private static final List<List<String>> BASE_VALUES = List.of(
      List.of("AV", "N", "A", "L", "P"), List.of("AC", "L", "H"), List.of("AT", "N", "P"),
      List.of("PR", "N", "L", "H"), List.of("UI", "N", "P", "A"),
      List.of("VC", "H", "L", "N"), List.of("VI", "H", "L", "N"), List.of("VA", "H", "L", "N"),
      List.of("SC", "H", "L", "N"), List.of("SI", "H", "L", "N"), List.of("SA", "H", "L", "N"));

  private final CvssScorer scorer = new CvssScorer();

  @Test
  @DisplayName("R5 every CVSS 4.0 base vector (104,976) gets the score of FIRST's reference calculator")
  void everyBaseVector() throws IOException {
    List<String> expected = lines("/cvss/cvss4-base-expected.txt.gz");
    List<String> vectors = baseVectors();
    assertThat(vectors).hasSize(104_976).hasSameSizeAs(expected);
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < vectors.size(); i++) {
      double reference = Double.parseDouble(expected.get(i));
      CvssScorer.CvssResult result = scorer.score(vectors.get(i));
      if (result.score() != reference || result.baseScore() != reference || result.severity() != Severity.of(reference)) {
        disagreements.add(vectors.get(i) + ": FIRST " + reference + ", scorer " + result.score());
      }
    }
    assertThat(disagreements).as("vectors where the scorer and FIRST's calculator disagree").isEmpty();
  }

  @Test
  @DisplayName("R5 10,000 CVSS 4.0 vectors with threat, environmental and supplemental metrics get FIRST's score")
  void threatEnvironmentalSupplemental() throws IOException {
    List<String> lines = lines("/cvss/cvss4-random-expected.tsv.gz");
    assertThat(lines).hasSize(10_000);
    List<String> disagreements = new ArrayList<>();
    for (String line : lines) {
      String[] entry = line.split("\t");
      double reference = Double.parseDouble(entry[1]);
      CvssScorer.CvssResult result = scorer.score(entry[0]);
      if (result.score() != reference || result.severity() != Severity.of(reference)) {
        disagreements.add(entry[0] + ": FIRST " + reference + ", scorer " + result.score());
      }
    }
    assertThat(disagreements).as("vectors where the scorer and FIRST's calculator disagree").isEmpty();
  }

  /** In the order of the Node script: the values as metrics.js lists them, the last metric fastest. */
  private static List<String> baseVectors() {
    List<String> vectors = new ArrayList<>();
    enumerate(0, "CVSS:4.0", vectors);
    return vectors;
  }

  private static void enumerate(int metric, String prefix, List<String> vectors) {
    if (metric == BASE_VALUES.size()) {
      vectors.add(prefix);
      return;
    }
    List<String> values = BASE_VALUES.get(metric);
    for (String value : values.subList(1, values.size())) {
      enumerate(metric + 1, prefix + "/" + values.get(0) + ":" + value, vectors);
    }
  }

  private static List<String> lines(String resource) throws IOException {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Cvss4ReferenceTest.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
      return reader.lines().filter(line -> !line.isEmpty()).toList();
    }
  }
}
