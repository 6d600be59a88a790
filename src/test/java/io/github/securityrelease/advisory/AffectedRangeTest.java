package io.github.securityrelease.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.semver4j.Semver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the team's free text about versions becomes the ranges an advisory states. */
class AffectedRangeTest {

  @ParameterizedTest(name = "R18 ''{0}'' and fixes ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', value = {
      "v0.5.0 - v0.6.1      | v0.6.2 v0.5.4 | [0.5.0,0.5.4) [0.6.0-0,0.6.2)",
      "v0.5.0 - v0.6.1      |               | [0.5.0,0.6.1]",
      "< 0.6.2              | v0.6.2 v0.5.4 | [0,0.5.4) [0.6.0-0,0.6.2)",
      "<= 0.6.1             |               | [0,0.6.1]",
      "v0.6.0               | v0.6.2        | [0.6.0,0.6.2)",
      "v0.6.0               | v0.7.1        | [0.6.0,0.6.0]",
      ">= 0.5.0             | v0.5.4 v0.6.2 | [0.5.0,0.5.4) [0.6.0-0,0.6.2)",
      ">= 0.5.0             | v0.5.4 v0.6.0 | [0.5.0,0.5.4) [0.6.0-0,0.6.0)",
      ">= 0.5.0             | v0.5.4 v0.5.5 | [0.5.0,0.5.4)",
      ">= 0.5.0             |               | [0.5.0,*)",
      ">= 0.5.0, < 0.6.2    |               | [0.5.0,0.6.2)",
      ">= 0.5.0 < 0.6.2     |               | [0.5.0,0.6.2)",
      "v0.4.0 - v0.4.9; v0.6 | v0.6.1       | [0.4.0,0.4.9] [0.6.0,0.6.1)",
      "v0.5.0 to v0.6.1     | v0.6.0        | [0.5.0,0.6.0)",
      "v1.0.0-rc.1 - v1.0.0 | v1.0.1        | [1.0.0-rc.1,1.0.1)"})
  void ranges(String text, String fixes, String expected) {
    assertThat(runs(text, fixes).stream().map(AffectedRangeTest::show)).containsExactly(expected.split(" "));
  }

  @ParameterizedTest(name = "R18 a fixed release the affected versions call affected: ''{0}'' and {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      ">= 0.5.0 < 0.5.4     | 0.5.3  | true",
      ">= 0.5.0 < 0.5.4     | 0.5.4  | false",
      "v0.6.0               | v0.6.0 | true",
      "v0.6.0               | v0.6.1 | false",
      "v0.5.0 - v0.6.1      | v0.6.0 | true",
      "v0.5.0 - v0.6.1      | v0.5.4 | false",
      "< 0.6.2              | v0.5.4 | false",
      "< 0.6.2              | v0.6.1 | true",
      "<= 0.6.1             | 0.6.1  | true",
      ">= 0.5.0             | 0.5.3  | false",
      "v1.2.0-rc.1 - v1.2.0 | v1.2.0 | true",
      "v1.2.0-rc.1          | v1.2.0 | false"})
  void contradiction(String text, String fix, boolean contradicts) {
    Semver release = Versions.parse(fix).orElseThrow();
    assertThat(AffectedRange.parse(text).orElseThrow().stream().anyMatch(range -> range.contradicts(release)))
        .isEqualTo(contradicts);
  }

  @ParameterizedTest(name = "R18 ''{0}'' fixed in ''{1}'': {2} affected, {3} not")
  @CsvSource(delimiter = '|', value = {
      ">= 0.5.0        | v0.5.4 v0.6.2 | 0.5.0 0.5.3 0.6.0-0 0.6.0-rc.1 0.6.1 | 0.4.9 0.5.4 0.5.9 0.6.2 0.7.0",
      ">= 0.5.0        |               | 0.5.0 9.9.9                        | 0.4.9 0.5.0-rc.1",
      "<= 0.6.1        |               | 0.0.0 0.0.1-alpha 0.6.1            | 0.6.2 0.6.2-rc.1",
      "v1.2.0-rc.1     | v1.2.0        | 1.2.0-rc.1 1.2.0-rc.2              | 1.2.0-beta 1.2.0",
      "v0.5.0 - v0.6.1 | v0.6.2 v0.5.4 | 0.5.0 0.6.0-rc.1 0.6.1              | 0.5.4 0.5.5 0.6.2"})
  void runsHoldTheirVersions(String text, String fixes, String affected, String unaffected) {
    List<AffectedRange> runs = runs(text, fixes);
    for (String version : affected.split(" ")) {
      Semver v = Versions.parse(version).orElseThrow();
      assertThat(runs.stream().anyMatch(run -> run.versions().isSatisfiedBy(v))).as("%s affected", version).isTrue();
    }
    for (String version : unaffected.split(" ")) {
      Semver v = Versions.parse(version).orElseThrow();
      assertThat(runs.stream().noneMatch(run -> run.versions().isSatisfiedBy(v))).as("%s not affected", version).isTrue();
    }
  }

  @ParameterizedTest(name = "R18 ''{0}'' is not read as versions: the advisory keeps the text")
  @ValueSource(strings = {"all versions", "v0.5.x", "> 0.5.0", "v0.6.1 - v0.5.0", "v0.5.0, latest", "master"})
  void unreadable(String text) {
    assertThat(AffectedRange.parse(text)).isEmpty();
  }

  @Test
  @DisplayName("R18 versions order as SemVer says: numbers by value, a release after its pre-releases")
  void semanticVersionOrder() {
    assertThat(Stream.of("v0.10.0", "0.9.1", "1.0.0", "1.0.0-rc.2", "1.0.0-rc.10", "1.0.0-alpha", "0.9")
        .map(text -> Versions.parse(text).orElseThrow()).sorted().map(Semver::toString))
        .containsExactly("0.9.0", "0.9.1", "0.10.0", "1.0.0-alpha", "1.0.0-rc.2", "1.0.0-rc.10", "1.0.0");
  }

  /** The runs of {@code text} cut by the space-separated {@code fixes}, as the advisories make them. */
  private static List<AffectedRange> runs(String text, String fixes) {
    List<Semver> fixed = fixes == null ? List.of()
        : Stream.of(fixes.split(" ")).map(fix -> Versions.parse(fix).orElseThrow()).toList();
    return AffectedRange.parse(text).orElseThrow().stream().flatMap(range -> range.cutBy(fixed).stream()).toList();
  }

  private static String show(AffectedRange range) {
    String from = range.start();
    return switch (range.endKind()) {
      case FIXED -> "[" + from + "," + range.end() + ")";
      case LAST_AFFECTED -> "[" + from + "," + range.end() + "]";
      case NONE -> "[" + from + ",*)";
    };
  }
}
