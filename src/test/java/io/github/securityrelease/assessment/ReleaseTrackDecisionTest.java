package io.github.securityrelease.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.engine.ProcessTests;
import io.github.securityrelease.engine.ProcessTests.DecisionTable;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/release-track.dmn row by row, on a bare DMN engine. */
class ReleaseTrackDecisionTest {

  private static final DecisionTable RELEASE_TRACK = ProcessTests.decisionTable("processes/release-track.dmn",
      "release-track");

  @ParameterizedTest(name = "{5} {0}, public already {1} -> {2}, {3}, may defer {4}")
  @CsvSource({
      "CRITICAL, false, OUT_OF_BAND, PRIVATE,             false, R11 R10 R9",
      "HIGH,     false, OUT_OF_BAND, PRIVATE,             false, R11 R10 R9",
      "MEDIUM,   false, NEXT_PATCH,  SEMI_PUBLIC_ALLOWED, false, R11 R10 R9",
      "LOW,      false, NEXT_PATCH,  SEMI_PUBLIC_ALLOWED, true,  R11 R10 R9",
      "NONE,     false, NEXT_PATCH,  SEMI_PUBLIC_ALLOWED, true,  R11 R10 R9",
      "CRITICAL, true,  OUT_OF_BAND, SEMI_PUBLIC_ALLOWED, false, R3 R11 R10 R9",
      "HIGH,     true,  OUT_OF_BAND, SEMI_PUBLIC_ALLOWED, false, R3 R11 R10 R9",
      "MEDIUM,   true,  OUT_OF_BAND, SEMI_PUBLIC_ALLOWED, false, R3 R11 R10 R9",
      "LOW,      true,  OUT_OF_BAND, SEMI_PUBLIC_ALLOWED, false, R3 R11 R10 R9",
      "NONE,     true,  OUT_OF_BAND, SEMI_PUBLIC_ALLOWED, false, R3 R11 R10 R9",
  })
  @DisplayName("R9 R10 R11 the severity decides release type, fix visibility and deferral; R3 public already goes fast")
  void releaseTrack(String severity, boolean publiclyDisclosed, String releaseType, String fixVisibility,
      boolean mayDefer, String rules) {
    DmnDecisionTableResult result = evaluate(severity, publiclyDisclosed);

    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "releaseType", releaseType, "fixVisibility", fixVisibility, "mayDefer", mayDefer));
  }

  @Test
  @DisplayName("R11 a severity the table does not know gets no track: the caller must not guess one")
  void unknownSeverity() {
    assertThat(evaluate("SEVERE", false)).isEmpty();
    assertThat(evaluate(null, false)).isEmpty();
    assertThat(evaluate("high", false)).isEmpty();
  }

  @Test
  @DisplayName("R3 public already goes on the fast track even before the severity is known")
  void publicAlreadyWithoutSeverity() {
    assertThat(evaluate(null, true).getSingleResult().getEntryMap())
        .containsEntry("releaseType", "OUT_OF_BAND").containsEntry("mayDefer", false);
  }

  @Test
  @DisplayName("R3 an unknown disclosure state gets no track")
  void unknownDisclosure() {
    assertThat(evaluate("HIGH", null)).isEmpty();
  }

  private static DmnDecisionTableResult evaluate(String severity, Boolean publiclyDisclosed) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("severity", severity);
    variables.put("publiclyDisclosed", publiclyDisclosed);
    return RELEASE_TRACK.evaluate(variables);
  }
}
