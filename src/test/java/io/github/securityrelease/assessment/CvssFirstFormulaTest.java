package io.github.securityrelease.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.assessment.CvssScorer.CvssResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scorer against an implementation of FIRST's base score formula written here from the
 * specifications (CVSS v3.1 section 7.1 and Appendix A; CVSS v3.0 section 8.1), for every
 * one of the 2,592 base vectors of each version. (On these vectors the two Roundups give the
 * same scores: swapped, the test still passes. v3.1 changed Roundup for floating-point edge
 * cases that base vectors do not reach.)
 */
class CvssFirstFormulaTest {

  private static final Map<String, Double> AV = Map.of("N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
  private static final Map<String, Double> AC = Map.of("L", 0.77, "H", 0.44);
  private static final Map<String, Double> PR_UNCHANGED = Map.of("N", 0.85, "L", 0.62, "H", 0.27);
  private static final Map<String, Double> PR_CHANGED = Map.of("N", 0.85, "L", 0.68, "H", 0.5);
  private static final Map<String, Double> UI = Map.of("N", 0.85, "R", 0.62);
  private static final Map<String, Double> CIA = Map.of("H", 0.56, "L", 0.22, "N", 0.0);

  private final CvssScorer scorer = new CvssScorer();

  @ParameterizedTest(name = "R5 CVSS {0}: all 2,592 base vectors agree with FIRST''s formula")
  @ValueSource(strings = {"3.1", "3.0"})
  @DisplayName("R5 It must agree with FIRST's published scores for every base vector")
  void everyBaseVector(String version) {
    DoubleUnaryOperator roundup = version.equals("3.1") ? CvssFirstFormulaTest::roundup31 : CvssFirstFormulaTest::roundup30;
    List<String> vectors = baseVectors(version);
    List<String> disagreements = new ArrayList<>();
    for (String vector : vectors) {
      double expected = baseScore(vector, roundup);
      CvssResult actual = scorer.score(vector);
      if (actual.baseScore() != expected || actual.severity() != Severity.of(expected)) {
        disagreements.add(vector + ": FIRST " + expected + " " + Severity.of(expected)
            + ", scorer " + actual.baseScore() + " " + actual.severity());
      }
    }
    assertThat(vectors).hasSize(2592).doesNotHaveDuplicates();
    assertThat(disagreements).as("vectors where the scorer and FIRST's formula disagree").isEmpty();
  }

  private static List<String> baseVectors(String version) {
    List<String> vectors = new ArrayList<>();
    for (String av : List.of("N", "A", "L", "P")) {
      for (String ac : List.of("L", "H")) {
        for (String pr : List.of("N", "L", "H")) {
          for (String ui : List.of("N", "R")) {
            for (String s : List.of("U", "C")) {
              for (String c : List.of("H", "L", "N")) {
                for (String i : List.of("H", "L", "N")) {
                  for (String a : List.of("H", "L", "N")) {
                    vectors.add("CVSS:%s/AV:%s/AC:%s/PR:%s/UI:%s/S:%s/C:%s/I:%s/A:%s"
                        .formatted(version, av, ac, pr, ui, s, c, i, a));
                  }
                }
              }
            }
          }
        }
      }
    }
    return vectors;
  }

  /** CVSS v3.1 section 7.1; v3.0 section 8.1 is the same but for its Roundup. */
  private static double baseScore(String vector, DoubleUnaryOperator roundup) {
    Map<String, String> m = metrics(vector);
    boolean changed = m.get("S").equals("C");
    double iss = 1 - (1 - CIA.get(m.get("C"))) * (1 - CIA.get(m.get("I"))) * (1 - CIA.get(m.get("A")));
    double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
    double pr = (changed ? PR_CHANGED : PR_UNCHANGED).get(m.get("PR"));
    double exploitability = 8.22 * AV.get(m.get("AV")) * AC.get(m.get("AC")) * pr * UI.get(m.get("UI"));
    if (impact <= 0) {
      return 0.0;
    }
    return changed ? roundup.applyAsDouble(Math.min(1.08 * (impact + exploitability), 10))
        : roundup.applyAsDouble(Math.min(impact + exploitability, 10));
  }

  private static Map<String, String> metrics(String vector) {
    Map<String, String> metrics = new HashMap<>();
    for (String segment : vector.substring("CVSS:3.x/".length()).split("/")) {
      String[] pair = segment.split(":");
      metrics.put(pair[0], pair[1]);
    }
    return metrics;
  }

  /** CVSS v3.1 Appendix A: works on integers so that floating point cannot push 4.0 up to 4.1. */
  private static double roundup31(double input) {
    long intInput = Math.round(input * 100000);
    return intInput % 10000 == 0 ? intInput / 100000.0 : (Math.floor(intInput / 10000) + 1) / 10.0;
  }

  /** CVSS v3.0: the smallest number with one decimal that is equal to or higher than the input. */
  private static double roundup30(double input) {
    return Math.ceil(input * 10) / 10;
  }
}
