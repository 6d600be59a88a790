package io.github.securityrelease.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckFixedReleasesTest {

  private final CheckFixedReleases check = new CheckFixedReleases();

  @ParameterizedTest(name = "R18 a fixed release the affected versions call affected is refused: ''{0}'' and ''{1}''")
  @CsvSource(delimiter = '|', value = {
      ">=0.5.0 <0.5.4  | v0.5.3",
      "v0.6.0          | v0.6.0",
      "v0.5.0 - v0.6.1 | v0.6.0, v0.5.4"})
  void refused(String affected, String released) {
    assertThatThrownBy(() -> check.notify(task(affected, released)))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageStartingWith("releaseVersions: ")
        .hasMessageContaining("call it affected");
  }

  @ParameterizedTest(name = "R18 no contradiction: ''{0}'' and ''{1}''")
  @CsvSource(delimiter = '|', value = {
      ">=0.5.0 <0.5.4     | v0.5.4",
      ">= 0.5.0           | v0.5.4, v0.6.0",
      "< 0.6.2            | v0.6.2, v0.5.4",
      "every version      | v0.6.2",
      "v0.5.0 - v0.6.1    | next patch"})
  void accepted(String affected, String released) {
    assertThatCode(() -> check.notify(task(affected, released))).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("R18 the task that records the fixed releases runs the check")
  void wiredToTheTask() throws Exception {
    try (var model = Files.newInputStream(Path.of("processes/vulnerability-handling.bpmn"))) {
      UserTask task = Bpmn.readModelFromStream(model).getModelElementById("Task_BuildAndVerifyRelease");
      assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list())
          .anyMatch(listener -> "${checkFixedReleases}".equals(listener.getCamundaDelegateExpression())
              && "complete".equals(listener.getCamundaEvent()));
    }
  }

  private static DelegateTask task(String affected, String released) {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariable("affectedVersions")).thenReturn(affected);
    when(task.getVariable("releaseVersions")).thenReturn(released);
    return task;
  }
}
