package io.github.securityrelease.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Scores a CVSS 3.0, 3.1 or 4.0 vector as a whole and rates it (R5); anything else is refused.
 * CVSS 4.0 by {@link Cvss4Score} (FIRST's reference calculator), 3.x by {@link Cvss3Score} (the
 * specifications' formulas). The vector is read by {@link CvssVector}, which puts it in
 * canonical form.
 */
@Component
public class CvssScorer {

  private static final List<String> THREAT_4 = List.of("E");
  private static final List<String> ENVIRONMENTAL_4 = List.of("CR", "IR", "AR",
      "MAV", "MAC", "MAT", "MPR", "MUI", "MVC", "MVI", "MVA", "MSC", "MSI", "MSA");

  /**
   * A scored vector.
   *
   * @param version {@code "3.0"}, {@code "3.1"} or {@code "4.0"}
   * @param score FIRST's score of the whole vector: for 4.0 with its threat and environmental
   *     metrics; for 3.x the environmental score where the vector has environmental metrics,
   *     else the temporal score where it has temporal ones, else the base score
   * @param baseScore the score of the base metrics alone
   * @param severity the band of {@code score}
   * @param vector the vector in canonical form ({@link CvssVector})
   * @param nomenclature 4.0 only: {@code CVSS-B}, {@code CVSS-BT}, {@code CVSS-BE} or {@code CVSS-BTE}
   * @param temporalScore 3.x, where the vector has temporal metrics
   * @param environmentalScore where the vector has environmental metrics (3.x: with the temporal
   *     ones; 4.0: the whole vector, CVSS-BE or CVSS-BTE)
   * @param threatScore 4.0, where the vector has the threat metric: base and threat alone (CVSS-BT)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CvssResult(String version, double score, double baseScore, Severity severity, String vector,
      String nomenclature, Double temporalScore, Double environmentalScore, Double threatScore) {}

  /** @throws InvalidCvssVectorException naming the metric at fault, or "vector" */
  public CvssResult score(String vector) {
    CvssVector parsed = CvssVector.parse(vector);
    return parsed.version() == CvssVersion.V4_0 ? score4(parsed) : score3(parsed);
  }

  private static CvssResult score4(CvssVector vector) {
    boolean threat = vector.definesAny(THREAT_4);
    boolean environmental = vector.definesAny(ENVIRONMENTAL_4);
    double score = Cvss4Score.of(vector);
    double baseScore = Cvss4Score.of(vector.base());
    Double threatScore = threat ? Cvss4Score.of(vector.only(union(vector.version().baseMetrics(), THREAT_4))) : null;
    String nomenclature = "CVSS-B" + (threat ? "T" : "") + (environmental ? "E" : "");
    return new CvssResult(vector.version().number(), score, baseScore, Severity.of(score), vector.text(),
        nomenclature, null, environmental ? score : null, threatScore);
  }

  private static CvssResult score3(CvssVector vector) {
    Cvss3Score.Scores scores = Cvss3Score.of(vector);
    double score = scores.environmental() != null ? scores.environmental()
        : scores.temporal() != null ? scores.temporal() : scores.base();
    return new CvssResult(vector.version().number(), score, scores.base(), Severity.of(score), vector.text(),
        null, scores.temporal(), scores.environmental(), null);
  }

  private static List<String> union(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }
}
