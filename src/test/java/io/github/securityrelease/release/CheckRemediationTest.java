package io.github.securityrelease.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckRemediationTest {

  private final CheckRemediation check = new CheckRemediation();

  @Test
  @DisplayName("R7 a remediation with neither a fix nor a mitigation is refused, naming fixPullRequests")
  void fixOrMitigationRequired() {
    DelegateTask task = task("complete", Map.of("remediationPriority", "HIGH", "fixPullRequests", " ",
        "mitigations", ""));
    assertThatThrownBy(() -> check.notify(task)).isInstanceOf(BadUserRequestException.class)
        .hasMessageStartingWith("fixPullRequests:");
  }

  @ParameterizedTest(name = "R7 a fix or a mitigation is enough: patches {0}, mitigations {1}")
  @CsvSource({"PR 1,", ",Disable the feature", "PR 1,Disable the feature"})
  void fixOrMitigationEnough(String patches, String mitigations) {
    Map<String, Object> values = new HashMap<>(Map.of("remediationPriority", "HIGH"));
    values.put("fixPullRequests", patches);
    values.put("mitigations", mitigations);
    DelegateTask task = task("complete", values);
    check.notify(task);
    assertThat(task.getVariable("fixInPublic")).isEqualTo(false);
  }

  @Test
  @DisplayName("R7 the remediation priority is required and one of the four")
  void priorityRequired() {
    assertThatThrownBy(() -> check.notify(task("complete", Map.of("fixPullRequests", "PR 1"))))
        .hasMessageStartingWith("remediationPriority:");
    assertThatThrownBy(() -> check.notify(task("complete", Map.of("fixPullRequests", "PR 1",
        "remediationPriority", "SOMEDAY")))).hasMessageStartingWith("remediationPriority:");
  }

  @ParameterizedTest(name = "R7 R3 the form proposes the priority from the severity: {0} (fast track {1}) -> {2}")
  @CsvSource({"CRITICAL,false,URGENT", "HIGH,false,HIGH", "MEDIUM,false,NORMAL", "LOW,false,LOW", "NONE,false,LOW",
      "LOW,true,URGENT"})
  void proposed(String severity, boolean fastTrack, String priority) {
    DelegateTask task = task("create", Map.of("severity", severity, "fastTrack", fastTrack));
    check.notify(task);
    assertThat(task.getVariable("remediationPriority")).isEqualTo(priority);
  }

  @Test
  @DisplayName("R7 a priority on the case already (a second round of development) stays as the team set it")
  void keptOnSecondRound() {
    DelegateTask task = task("create", Map.of("severity", "LOW", "remediationPriority", "URGENT"));
    check.notify(task);
    assertThat(task.getVariable("remediationPriority")).isEqualTo("URGENT");
  }

  /** A task whose variables live in a map, as the engine's scope would hold them. */
  static DelegateTask task(String event, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>(values);
    DelegateTask task = mock(DelegateTask.class);
    when(task.getEventName()).thenReturn(event);
    when(task.getVariable(anyString())).thenAnswer(call -> variables.get(call.getArgument(0, String.class)));
    doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1))).when(task).setVariable(anyString(), any());
    return task;
  }
}
