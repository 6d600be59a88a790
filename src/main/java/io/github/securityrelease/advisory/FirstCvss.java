package io.github.securityrelease.advisory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.securityrelease.assessment.CvssScorer;
import io.github.securityrelease.assessment.CvssScorer.CvssResult;
import io.github.securityrelease.assessment.InvalidCvssVectorException;
import io.github.securityrelease.assessment.Severity;
import java.util.Optional;

/**
 * A case's CVSS vector in the field names of FIRST's CVSS JSON schemas, which both the CVE
 * record and CSAF embed: the vector in canonical form, the base score, and where the vector has
 * them the temporal and environmental scores, each severity the band of its score. Scored again
 * from the stored vector, so that every number agrees with the vector.
 */
final class FirstCvss {

  private static final CvssScorer CVSS = new CvssScorer();

  private FirstCvss() {}

  /**
   * The case's vector scored, empty without a vector and score or when the vector does not read
   * (a vector no schema would take is left out rather than published).
   */
  static Optional<CvssResult> scored(Advisory advisory) {
    Advisory.Cvss cvss = advisory.cvss();
    if (cvss == null || cvss.score() == null || cvss.version() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(CVSS.score(cvss.vector()));
    } catch (InvalidCvssVectorException e) {
      return Optional.empty();
    }
  }

  /**
   * FIRST's object of the result's version. For 4.0 the base score only: the CVE record's
   * {@code cvssV4_0} object (CVE_Record_Format_bundled.json) has no threat or environmental
   * score fields and takes no others: there the vector carries them.
   */
  static ObjectNode json(CvssResult result) {
    ObjectNode scores = JsonNodeFactory.instance.objectNode()
        .put("version", result.version())
        .put("vectorString", result.vector());
    score(scores, "base", result.baseScore());
    if (!"4.0".equals(result.version())) {
      score(scores, "temporal", result.temporalScore());
      score(scores, "environmental", result.environmentalScore());
    }
    return scores;
  }

  private static void score(ObjectNode scores, String kind, Double score) {
    if (score != null) {
      scores.put(kind + "Score", score).put(kind + "Severity", Severity.of(score).name());
    }
  }
}
