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
    assertThat(scorer.score(vector)).isEqualTo(new CvssResult(version, baseScore, severity, vector));
  }

  @Test
  @DisplayName("R5 the vector is trimmed, and its metrics may come in any order")
  void trimmedAnyOrder() {
    CvssResult result = scorer.score("  CVSS:3.1/C:H/I:H/A:H/AV:N/AC:L/PR:N/UI:N/S:U \n");
    assertThat(result.baseScore()).isEqualTo(9.8);
    assertThat(result.vector()).isEqualTo("CVSS:3.1/C:H/I:H/A:H/AV:N/AC:L/PR:N/UI:N/S:U");
  }

  @Test
  @DisplayName("R5 the base score is rated: temporal, threat and environmental metrics do not change it")
  void baseScoreOnly() {
    assertThat(scorer.score(V31_CRITICAL + "/E:U/RL:O/RC:R/CR:L/MAV:P").baseScore()).isEqualTo(9.8);
    assertThat(scorer.score(V40_CRITICAL + "/E:U/CR:L/MAV:L/S:P/AU:Y").baseScore()).isEqualTo(9.3);
  }

  @ParameterizedTest(name = "R5 refused: {1} ({0})")
  @CsvSource(delimiter = '|', value = {
      "CVSS v2                 | AV:N/AC:L/Au:N/C:P/I:P/A:P",
      "CVSS v2 in parentheses  | (AV:N/AC:L/Au:N/C:P/I:P/A:P)",
      "garbage                 | garbage",
      "unknown version         | CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      "lower-case prefix       | cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
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
      "AV | CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H             | AV: 'n' is not a valid value",
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
