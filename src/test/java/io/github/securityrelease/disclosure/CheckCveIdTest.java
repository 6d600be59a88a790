package io.github.securityrelease.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckCveIdTest {

  @ParameterizedTest(name = "R12 the year check agrees with its message (a year from 1999, 4 to 19 digits): {0} -> {1}")
  @CsvSource({
      "CVE-1999-0001, true",
      "CVE-2026-12345, true",
      "CVE-2100-1234, true",
      "CVE-2026-1234567890123456789, true",
      "CVE-1998-1234, false",
      "CVE-1990-1234, false",
      "CVE-0999-1234, false",
      "CVE-2026-123, false",
      "CVE-2026-12345678901234567890, false",
      "CVE-26-1234, false"})
  void format(String cveId, boolean valid) {
    assertThat(CheckCveId.CVE_ID_FORMAT.matcher(cveId).matches()).isEqualTo(valid);
  }
}
