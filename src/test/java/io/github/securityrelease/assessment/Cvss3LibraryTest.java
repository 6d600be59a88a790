package io.github.securityrelease.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import us.springett.cvss.Cvss;
import us.springett.cvss.Score;

/**
 * The scorer's CVSS 3.1 temporal and environmental scores against a second, independent
 * implementation of the same formulas: the calculator library ({@code us.springett:cvss-calculator}),
 * on 10,000 seeded random vectors. (The library has no environmental metrics for 3.0, which is
 * why the service computes them itself; see {@link Cvss3Score}.)
 */
class Cvss3LibraryTest {

  private final CvssScorer scorer = new CvssScorer();

  @Test
  @DisplayName("R5 CVSS 3.1 temporal and environmental scores agree with the calculator library on 10,000 vectors")
  void temporalAndEnvironmental() {
    Random random = new Random(31);
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      String vector = randomVector(random);
      CvssScorer.CvssResult ours = scorer.score(vector);
      // the library wants every metric; X where not defined
      Score library = Cvss.fromVector(full(vector)).calculateScore();
      double temporal = ours.temporalScore() != null ? ours.temporalScore() : ours.baseScore();
      double environmental = ours.environmentalScore() != null ? ours.environmentalScore() : temporal;
      if (ours.baseScore() != library.getBaseScore() || temporal != library.getTemporalScore()
          || environmental != library.getEnvironmentalScore()) {
        disagreements.add(vector + ": scorer " + ours.baseScore() + "/" + temporal + "/" + environmental
            + ", library " + library.getBaseScore() + "/" + library.getTemporalScore() + "/" + library.getEnvironmentalScore());
      }
    }
    assertThat(disagreements).as("vectors where the scorer and the library disagree").isEmpty();
  }

  private static String randomVector(Random random) {
    StringBuilder vector = new StringBuilder("CVSS:3.1");
    CvssVersion version = CvssVersion.V3_1;
    for (String metric : version.metrics()) {
      boolean base = version.baseMetrics().contains(metric);
      if (base || random.nextDouble() < 0.6) {
        List<String> values = valuesOf(version, metric);
        vector.append('/').append(metric).append(':').append(values.get(random.nextInt(values.size())));
      }
    }
    return vector.toString();
  }

  private static List<String> valuesOf(CvssVersion version, String metric) {
    return List.of("X", "N", "A", "L", "P", "H", "R", "U", "C", "F", "W", "T", "O", "M").stream()
        .filter(value -> version.value(metric, value).isPresent()).toList();
  }

  private static String full(String vector) {
    CvssVector parsed = CvssVector.parse(vector);
    StringBuilder full = new StringBuilder("CVSS:3.1");
    for (String metric : CvssVersion.V3_1.metrics()) {
      full.append('/').append(metric).append(':').append(parsed.value(metric));
    }
    return full.toString();
  }
}
