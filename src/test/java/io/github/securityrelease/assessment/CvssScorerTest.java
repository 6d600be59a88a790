package io.github.securityrelease.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.securityrelease.assessment.CvssScorer.CvssResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CvssScorerTest {

  private static final String V31_CRITICAL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
  private static final String V40_CRITICAL = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

  private final CvssScorer scorer = new CvssScorer();

  @ParameterizedTest(name = "R5 {0} = {2} {3}")
  @CsvSource(delimiter = '|', value = {
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | 3.1 | 9.8 | CRITICAL",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H | 3.1 | 7.5 | HIGH",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N | 3.1 | 6.1 | MEDIUM",
      "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | 3.0 | 9.8 | CRITICAL",
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | 4.0 | 9.3 | CRITICAL",
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H | 4.0 | 10.0 | CRITICAL",
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N | 4.0 | 6.9 | MEDIUM",
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N | 4.0 | 5.3 | MEDIUM",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N | 3.1 | 0.0 | NONE",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N | 3.1 | 0.0 | NONE",
      "CVSS:3.0/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N | 3.0 | 0.0 | NONE",
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N | 4.0 | 0.0 | NONE",
  })
  @DisplayName("R5 FIRST's published examples get FIRST's score and rating")
  void publishedExamples(String vector, String version, double baseScore, Severity severity) {
    CvssResult result = scorer.score(vector);
    assertThat(result.version()).isEqualTo(version);
    assertThat(result.baseScore()).isEqualTo(baseScore);
    assertThat(result.score()).isEqualTo(baseScore);
    assertThat(result.severity()).isEqualTo(severity);
    assertThat(result.vector()).isEqualTo(vector);
  }

  @Test
  @DisplayName("R5 the vector is trimmed, and its metrics may come in any order: it is kept in the specification's")
  void trimmedAnyOrder() {
    CvssResult result = scorer.score("  CVSS:3.1/C:H/I:H/A:H/AV:N/AC:L/PR:N/UI:N/S:U \n");
    assertThat(result.baseScore()).isEqualTo(9.8);
    assertThat(result.vector()).isEqualTo(V31_CRITICAL);
  }

  @Test
  @DisplayName("R5 a CVSS 4.0 tie rounds half up as FIRST's calculator does since 2024: 8.6, not 8.5")
  void roundsHalfUp() {
    CvssResult result = scorer.score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:L/VA:N/SC:H/SI:H/SA:H");
    assertThat(result.score()).isEqualTo(8.6);
    assertThat(result.baseScore()).isEqualTo(8.6);
    assertThat(result.nomenclature()).isEqualTo("CVSS-B");
  }

  @ParameterizedTest(name = "R5 {0}: score {1} {2} ({3}), base score {4}")
  @CsvSource(delimiter = '|', value = {
      // FIRST's CVSS 4.0 calculator (cvss40.js at d1eafe06): the threat metric lowers the score
      V40_CRITICAL + "/E:U                          | 8.1 | HIGH     | CVSS-BT  | 9.3",
      V40_CRITICAL + "/E:P                          | 8.9 | HIGH     | CVSS-BT  | 9.3",
      V40_CRITICAL + "/E:A                          | 9.3 | CRITICAL | CVSS-BT  | 9.3",
      V40_CRITICAL + "/CR:L/IR:L/AR:L               | 8.9 | HIGH     | CVSS-BE  | 9.3",
      V40_CRITICAL + "/E:U/CR:L/IR:L/AR:L           | 6.5 | MEDIUM   | CVSS-BTE | 9.3",
      V40_CRITICAL + "/E:U/MAV:L/S:P/AU:Y/U:Red     | 6.1 | MEDIUM   | CVSS-BTE | 9.3",
      V40_CRITICAL + "/S:P/AU:Y/R:A/V:C/RE:H/U:Red  | 9.3 | CRITICAL | CVSS-B   | 9.3",
  })
  @DisplayName("R5 a CVSS 4.0 vector is scored whole: threat and environmental metrics count, supplemental ones do not")
  void wholeVector4(String vector, double score, Severity severity, String nomenclature, double baseScore) {
    CvssResult result = scorer.score(vector);
    assertThat(result.score()).isEqualTo(score);
    assertThat(result.severity()).isEqualTo(severity);
    assertThat(result.nomenclature()).isEqualTo(nomenclature);
    assertThat(result.baseScore()).isEqualTo(baseScore);
    assertThat(result.temporalScore()).isNull();
  }

  @ParameterizedTest(name = "R5 {0}: base {1}, temporal {2}, environmental {3}, score {4} {5}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // by the formulas of FIRST's cvsscalc31.js / cvsscalc30.js
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:U | 9.8 | 7.8 | -   | 7.8 | HIGH",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:T      | 9.8 | 8.9 | -   | 8.9 | HIGH",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/CR:L/IR:L/AR:L | 9.8 | -  | 8.0 | 8.0 | HIGH",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/MAV:P     | 9.8 | 9.0 | 6.2 | 6.2 | MEDIUM",
      "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N/MS:C/MC:H     | 4.4 | -   | 7.3 | 7.3 | HIGH",
      "CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N/MS:C/MC:H     | 4.4 | -   | 7.3 | 7.3 | HIGH",
      "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:U | 9.8 | 7.8 | -   | 7.8 | HIGH",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/MAV:X     | 9.8 | -   | -   | 9.8 | CRITICAL",
  })
  @DisplayName("R5 a CVSS 3.x vector is scored whole: the most specific of base, temporal and environmental score")
  void wholeVector3(String vector, double baseScore, Double temporalScore, Double environmentalScore, double score,
      Severity severity) {
    CvssResult result = scorer.score(vector);
    assertThat(result.baseScore()).isEqualTo(baseScore);
    assertThat(result.temporalScore()).isEqualTo(temporalScore);
    assertThat(result.environmentalScore()).isEqualTo(environmentalScore);
    assertThat(result.score()).isEqualTo(score);
    assertThat(result.severity()).isEqualTo(severity);
    assertThat(result.nomenclature()).isNull();
  }

  @ParameterizedTest(name = "R5 {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "cvss:3.1/av:n/ac:l/pr:n/ui:n/s:u/c:h/i:h/a:h              | " + V31_CRITICAL,
      "CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H/RC:C/E:P      | " + V31_CRITICAL + "/E:P/RC:C",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/RL:X/MAV:X | " + V31_CRITICAL,
      V40_CRITICAL + "/u:clear                                    | " + V40_CRITICAL + "/U:Clear",
      V40_CRITICAL + "/U:AMBER/S:p/E:U                            | " + V40_CRITICAL + "/E:U/S:P/U:Amber",
      V40_CRITICAL + "/MSI:s/CR:X/E:X/MAV:l                       | " + V40_CRITICAL + "/MAV:L/MSI:S",
      "CVSS:4.0/SA:N/SI:N/SC:N/VA:H/VI:H/VC:H/UI:N/PR:N/AT:N/AC:L/AV:N | " + V40_CRITICAL,
  })
  @DisplayName("R5 a vector is kept in canonical form: the specification's order and letter case, no X (not defined)")
  void canonical(String given, String canonical) {
    assertThat(scorer.score(given).vector()).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "R5 refused: {1} ({0})")
  @CsvSource(delimiter = '|', value = {
      "CVSS v2                 | AV:N/AC:L/Au:N/C:P/I:P/A:P",
      "CVSS v2 in parentheses  | (AV:N/AC:L/Au:N/C:P/I:P/A:P)",
      "garbage                 | garbage",
      "unknown version         | CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      "trailing slash          | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/",
      "empty segment           | CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      "no value                | CVSS:3.1/AV:/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      "two colons              | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H:Q",
      "no colon                | CVSS:3.1/AVN/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
  })
  @DisplayName("R5 a vector that is not CVSS 3.0, 3.1 or 4.0 is refused as a whole")
  void refusedAsAWhole(String why, String vector) {
    assertRefused(vector, "vector");
  }

  @ParameterizedTest(name = "R5 refused: [{0}]")
  @NullAndEmptySource
  @ValueSource(strings = "   ")
  @DisplayName("R5 an empty vector is refused")
  void empty(String vector) {
    assertRefused(vector, "vector");
  }

  @Test
  @DisplayName("a vector longer than 512 characters is refused")
  void tooLong() {
    String padded = V31_CRITICAL + " ".repeat(CvssVector.MAX_LENGTH - V31_CRITICAL.length() + 1);
    assertThatThrownBy(() -> scorer.score(padded))
        .isInstanceOfSatisfying(InvalidCvssVectorException.class, ex -> assertThat(ex.metric()).isEqualTo("vector"))
        .hasMessageContaining("512");
  }

  @ParameterizedTest(name = "R5 refused, names {0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "A  | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H               | A is missing",
      "S  | CVSS:3.0/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H                | S is missing",
      "AT | CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | AT is missing",
      "AV | CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H             | AV: 'X' is not a valid value",
      "S  | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:X/C:H/I:H/A:H             | S: 'X' is not a valid value",
      "AV | CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H             | AV: 'Q' is not a valid value",
      "U  | CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:C | U: 'C' is not a valid value",
      "MSC | CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSC:S | MSC: 'S' is not a valid value",
      "RL | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/RL:X/rl:X   | RL is given more than once",
      "E  | CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:A         | E: 'A' is not a valid value",
      "SA | CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:Q | SA: 'Q' is not a valid value",
      "E  | CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:Q | E: 'Q' is not a valid value",
      "AV | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L        | AV is given more than once",
      "VC | CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VC:N/VI:H/VA:H/SC:N/SI:N/SA:N | VC is given more than once",
      "AT | CVSS:3.1/AV:N/AC:L/AT:N/PR:N/UI:N/S:U/C:H/I:H/A:H        | AT is not a CVSS 3.1 metric",
      "FOO | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/FOO:B      | FOO is not a CVSS 3.1 metric",
  })
  @DisplayName("R5 a bad, missing, repeated or unknown metric is refused by name")
  void refusedByMetric(String metric, String vector, String message) {
    assertThatThrownBy(() -> scorer.score(vector))
        .isInstanceOfSatisfying(InvalidCvssVectorException.class, ex -> assertThat(ex.metric()).isEqualTo(metric))
        .hasMessageStartingWith(message);
  }

  private void assertRefused(String vector, String metric) {
    assertThatThrownBy(() -> scorer.score(vector))
        .isInstanceOfSatisfying(InvalidCvssVectorException.class, ex -> assertThat(ex.metric()).isEqualTo(metric));
  }
}
