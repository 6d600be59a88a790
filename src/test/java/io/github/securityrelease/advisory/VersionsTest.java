package io.github.securityrelease.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.semver4j.Semver;

/**
 * R18: the versions an advisory states, read by semver4j with the team's leniency. The cases
 * SemVer 2.0 itself gives (semver.org, sections 9 to 11) and the edges the hand-written reading
 * handled on its own before.
 */
class VersionsTest {

  @Test
  @DisplayName("R18 SemVer 2.0's own precedence example (11.4): 1.0.0-alpha < 1.0.0-alpha.1 < ... < 1.0.0")
  void specPrecedence() {
    List<String> spec = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
        "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");
    for (int i = 1; i < spec.size(); i++) {
      assertThat(version(spec.get(i - 1))).as("%s < %s", spec.get(i - 1), spec.get(i)).isLessThan(version(spec.get(i)));
    }
    assertThat(Stream.of("1.0.0", "1.0.0-beta.11", "1.0.0-alpha.beta", "1.0.0-rc.1", "1.0.0-alpha", "1.0.0-beta.2",
        "1.0.0-beta", "1.0.0-alpha.1").map(VersionsTest::version).sorted().map(Semver::toString)).containsExactlyElementsOf(spec);
  }

  @ParameterizedTest(name = "R18 the team writes ''{0}'': read as {1}")
  @CsvSource({
      "v0.6.2, 0.6.2",
      "V2.3.1, 2.3.1",
      "0.6, 0.6.0",
      "v1, 1.0.0",
      "v0.6-rc.1, 0.6.0-rc.1",
      "' 1.0.0-rc.1 ', 1.0.0-rc.1",
      "1.0.0+build.5, 1.0.0",
      "v1.0.0-rc.1+build.5, 1.0.0-rc.1",
      "1.2.2147483647, 1.2.2147483647",
      "1.0.0-alpha-1.x, 1.0.0-alpha-1.x"})
  void lenientReading(String text, String expected) {
    assertThat(Versions.parse(text)).map(Semver::toString).contains(expected);
  }

  @ParameterizedTest(name = "R18 ''{0}'' is not a version: the advisory keeps the text")
  @ValueSource(strings = {"2147483648.0.0", "1.99999999999.0", "1.0.0-alpha.99999999999999999999", "1.0.0-01",
      "1.0.0-rc..1", "1.2.3.4", "0.5.x", "latest", "v", ""})
  void notAVersion(String text) {
    assertThat(Versions.parse(text)).isEmpty();
  }

  @Test
  @DisplayName("R18 numeric pre-release identifiers past int order by value; build metadata has no precedence")
  void largeNumbersAndBuilds() {
    assertThat(version("1.0.0-alpha.3000000000")).isGreaterThan(version("1.0.0-alpha.2999999999"))
        .isGreaterThan(version("1.0.0-alpha.999"));
    assertThat(version("1.0.0-beta.9223372036854775807")).isGreaterThan(version("1.0.0-beta.9223372036854775806"));
    assertThat(version("v1.0.0+build.1")).isEqualTo(version("1.0.0+build.2")).isEqualTo(version("1.0.0"));
  }

  @ParameterizedTest(name = "R18 the line after {0} starts at {1}, before its pre-releases")
  @CsvSource({"0.5.4, 0.6.0-0", "1.2.0-rc.1, 1.3.0-0", "0.9.9, 0.10.0-0"})
  void nextLineStart(String fix, String start) {
    Semver next = Versions.nextLineStart(version(fix));
    assertThat(next).hasToString(start).isLessThan(version(start.replace("-0", "-alpha")))
        .isGreaterThan(version(fix));
    assertThat(Versions.LINE.compare(next, version(start.replace("-0", "")))).isZero();
  }

  private static Semver version(String text) {
    return Versions.parse(text).orElseThrow();
  }
}
