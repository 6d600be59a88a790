package io.github.securityrelease.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseVersionsTest {

  @ParameterizedTest(name = "R12 ''{0}'' -> ''{1}''")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "< 0.6.2                 | < 0.6.2",
      "v0.5.0 - v0.6.1         | >= 0.5.0, <= 0.6.1",
      ">= 0.5.0 < 0.6.2        | >= 0.5.0, < 0.6.2",
      "v0.6.0                  | = 0.6.0",
      ">= 0.5.0                | >= 0.5.0",
      "v0.4.0 - v0.4.3; < 0.6.2 | < 0.6.2",
      "v0.4.0 - v0.4.3; v0.5.0 - v0.5.2 | >= 0.4.0, <= 0.5.2",
      "all of them             | -",
  })
  @DisplayName("R12 the repository advisory's vulnerable range: one range as GitHub writes it, several as their span")
  void vulnerableRange(String affected, String range) {
    assertThat(CaseVersions.vulnerableRange(affected).orElse(null)).isEqualTo(range);
  }
}
