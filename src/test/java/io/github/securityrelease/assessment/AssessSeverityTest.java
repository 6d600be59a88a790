package io.github.securityrelease.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.securityrelease.engine.ProcessTests;
import io.github.securityrelease.engine.ProcessTests.DecisionTable;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Assess severity" and then "Determine release track" (processes/release-track.dmn) on the
 * variables it leaves: the case's severity and track follow the score of the whole vector.
 */
class AssessSeverityTest {

  private static final DecisionTable RELEASE_TRACK = ProcessTests.decisionTable("processes/release-track.dmn",
      "release-track");

  private final AssessSeverity assessSeverity = new AssessSeverity(new CvssScorer());

  @ParameterizedTest(name = "R11 R5 {0}: {1} {2} (base {3}) -> {4}")
  @CsvSource(delimiter = '|', value = {
      // FIRST rates the first HIGH (8.1): E:U lowers its CRITICAL base score (9.3)
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U | 8.1 | HIGH   | 9.3 | OUT_OF_BAND",
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U | 6.3 | MEDIUM | 8.7 | NEXT_PATCH",
      "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/CR:L/IR:L/AR:L/MAV:L   | 6.6 | MEDIUM | 9.8 | NEXT_PATCH",
  })
  @DisplayName("R11 R5 the severity and the release track follow the score of the whole vector, not the base score")
  void wholeVectorDecides(String vector, double score, Severity severity, double baseScore, String releaseType) {
    Map<String, Object> variables = assess(vector);

    assertThat(variables).containsEntry("cvssScore", score).containsEntry("cvssBaseScore", baseScore)
        .containsEntry("computedSeverity", severity.name()).containsEntry("severity", severity.name());
    variables.put("publiclyDisclosed", false);
    assertThat(RELEASE_TRACK.evaluate(variables).getSingleResult().getEntryMap())
        .containsEntry("releaseType", releaseType);
  }

  @ParameterizedTest(name = "R5 {0} is stored as {1}")
  @CsvSource(delimiter = '|', value = {
      "CVSS:4.0/E:U/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/u:clear | "
          + "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U/U:Clear",
      "cvss:3.1/av:n/ac:l/pr:n/ui:n/s:u/c:h/i:h/a:h/e:x | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
  })
  @DisplayName("R5 the case stores the vector in canonical form")
  void canonicalVector(String typed, String canonical) {
    assertThat(assess(typed)).containsEntry("cvssVector", canonical).containsEntry("cvssVersion", canonical.substring(5, 8));
  }

  private Map<String, Object> assess(String vector) {
    Map<String, Object> variables = new HashMap<>(Map.of("cvssVector", vector));
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
        .when(execution).setVariable(anyString(), any());
    assessSeverity.execute(execution);
    return variables;
  }
}
