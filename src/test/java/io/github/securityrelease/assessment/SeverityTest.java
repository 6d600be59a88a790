package io.github.securityrelease.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SeverityTest {

  @ParameterizedTest(name = "R5 {0} is {1}")
  @CsvSource({
      "0.0, NONE",
      "0.1, LOW", "3.9, LOW",
      "4.0, MEDIUM", "6.9, MEDIUM",
      "7.0, HIGH", "8.9, HIGH",
      "9.0, CRITICAL", "10.0, CRITICAL",
  })
  @DisplayName("R5 the rating bands hold at their edges")
  void bands(double baseScore, Severity expected) {
    assertThat(Severity.of(baseScore)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "R5 {0} is no base score")
  @ValueSource(doubles = {-0.1, 10.1, Double.NaN})
  @DisplayName("R5 a score outside 0.0-10.0 has no rating")
  void outOfRange(double baseScore) {
    assertThatIllegalArgumentException().isThrownBy(() -> Severity.of(baseScore));
  }
}
