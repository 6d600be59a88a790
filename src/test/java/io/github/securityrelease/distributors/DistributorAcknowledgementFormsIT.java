package io.github.securityrelease.distributors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestDistributors;
import io.github.securityrelease.cases.CaseVariables;
import io.github.securityrelease.notification.NotificationKind;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * R29: the plan and release-day tasks show the team's table of a case's distributors read-only
 * (a task-local variable their forms' table reads); R27: managers read none of it.
 */
@OrchestratorIntegrationTest
class DistributorAcknowledgementFormsIT {

  private static final String TABLE = "Table_DistributorAcknowledgements";
  private static final String RELEASE_MANAGER = "demo-release";
  private static final String MANAGER = "demo-manager";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired DistributorAcknowledgements acknowledgements;

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> started = new ArrayList<>();

  @AfterEach
  void deleteCases() {
    started.forEach(instance -> runtimeService.deleteProcessInstance(instance, "test done", true, true));
  }

  @Test
  @DisplayName("R29 the plan and release-day forms carry the distributors' table, read-only, and say when no distributor was told yet")
  void formsCarryTheTable() throws Exception {
    String caseId = "SEC-2026-ACKF" + (System.nanoTime() % 100_000);
    for (String taskKey : List.of("Task_PlanDisclosure", "Task_CherryPickFix", "Task_ResolveCherryPick",
        "Task_BuildAndVerifyRelease")) {
      Task task = startAt(caseId, taskKey);
      String user = taskKey.equals("Task_PlanDisclosure") ? TestDistributors.VOUCHER : RELEASE_MANAGER;
      ResponseEntity<String> form = http.withBasicAuth(user, user)
          .getForEntity("/engine-rest/task/" + task.getId() + "/deployed-form", String.class);
      assertThat(form.getStatusCode()).as(taskKey).isEqualTo(HttpStatus.OK);
      JsonNode table = component(json.readTree(form.getBody()), TABLE);
      assertThat(table.path("type").asText()).as(taskKey).isEqualTo("table");
      assertThat(table.path("dataSource").asText()).isEqualTo("=" + ShowDistributorAcknowledgements.VARIABLE);
      assertThat(table.path("key").isMissingNode()).as("not keyed: nothing of it is submitted").isTrue();
      assertThat(component(json.readTree(form.getBody()), "Text_NoDistributorTold").path("text").asText())
          .isEqualTo("No distributor told yet.");
      // no one was told of this case: the table is there, empty
      assertThat(rows(user, task)).as(taskKey).isEmpty();
    }
  }

  @Test
  @DisplayName("R29 R27 after a notice went to a distributor, the release-day task shows its row, fresh again when claimed; managers read none of it")
  void releaseDayTaskShowsTheRowManagersNothing() throws Exception {
    long run = System.nanoTime();
    String organisation = "Distro Forms " + run;
    long distributorId = TestDistributors.imported(http, organisation, "security@ack-forms-" + run + ".example");
    String caseId = "SEC-2026-ACKF" + (run % 100_000);
    acknowledgements.sent(caseId, distributorId, NotificationKind.ADVANCE_NOTICE, "forms-" + run);
    acknowledgements.record(new DistributorAcknowledgements.Link(caseId, distributorId),
        new Acknowledgement.Said(DistributorStatus.AFFECTED, "2.x only", true, false, null), Acknowledgement.API);

    Task task = startAt(caseId, "Task_BuildAndVerifyRelease");
    List<JsonNode> rows = rows(RELEASE_MANAGER, task);
    assertThat(rows).hasSize(1);
    JsonNode row = rows.get(0);
    assertThat(row.path("distributor").asText()).isEqualTo(organisation);
    assertThat(row.path("notices").asText()).startsWith("Advance notice ");
    assertThat(row.path("acknowledged").asText()).endsWith("UTC");
    assertThat(row.path("status").asText()).isEqualTo("Affected: 2.x only");
    assertThat(row.path("feedback").asText()).startsWith("reviewed, not tested (");

    // the release notice goes out while the task waits; the one who claims it sees it
    acknowledgements.sent(caseId, distributorId, NotificationKind.RELEASE_NOTICE, "forms-" + run);
    assertThat(http.withBasicAuth(RELEASE_MANAGER, RELEASE_MANAGER).postForEntity(
        "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", RELEASE_MANAGER), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(rows(RELEASE_MANAGER, task).get(0).path("notices").asText()).contains("; Release notice ");

    // R27: not on the case, and nowhere a manager can read
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), ShowDistributorAcknowledgements.VARIABLE))
        .as("a task-local variable, never the case's").isNull();
    for (String path : List.of("/engine-rest/task/" + task.getId() + "/localVariables",
        "/engine-rest/task/" + task.getId() + "/variables",
        "/engine-rest/task/" + task.getId() + "/form-variables",
        "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables",
        "/engine-rest/variable-instance?variableName=" + ShowDistributorAcknowledgements.VARIABLE,
        "/engine-rest/variable-instance?taskIdIn=" + task.getId(),
        "/engine-rest/history/variable-instance?variableName=" + ShowDistributorAcknowledgements.VARIABLE,
        "/engine-rest/history/variable-instance?processInstanceId=" + task.getProcessInstanceId(),
        "/engine-rest/history/detail?processInstanceId=" + task.getProcessInstanceId())) {
      ResponseEntity<String> answer = http.withBasicAuth(MANAGER, MANAGER).getForEntity(path, String.class);
      assertThat(answer.getStatusCode().is2xxSuccessful() && answer.getBody() != null
          && answer.getBody().contains(organisation))
          .as("a manager reads %s: %s %s", path, answer.getStatusCode(), answer.getBody()).isFalse();
    }
    // the same query as the release manager does find it: the check above looks where it is
    assertThat(http.withBasicAuth(RELEASE_MANAGER, RELEASE_MANAGER).getForEntity(
        "/engine-rest/task/" + task.getId() + "/localVariables?deserializeValues=false", String.class).getBody())
        .contains(organisation);
  }

  /** The table's rows as Tasklist loads them for the form. */
  private List<JsonNode> rows(String user, Task task) throws Exception {
    ResponseEntity<String> variables = http.withBasicAuth(user, user)
        .getForEntity("/engine-rest/task/" + task.getId() + "/form-variables?deserializeValues=false", String.class);
    assertThat(variables.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode variable = json.readTree(variables.getBody()).path(ShowDistributorAcknowledgements.VARIABLE);
    assertThat(variable.path("type").asText()).as("Tasklist parses a Json variable for the form: %s", variables.getBody()).isEqualTo("Json");
    JsonNode rows = json.readTree(variable.path("value").asText());
    return StreamSupport.stream(rows.spliterator(), false).toList();
  }

  private static JsonNode component(JsonNode schema, String id) {
    return StreamSupport.stream(schema.path("components").spliterator(), false)
        .filter(component -> id.equals(component.path("id").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no " + id + " in " + schema.path("id").asText()));
  }

  /** A case waiting at {@code taskKey}, as FormsIT starts one. */
  private Task startAt(String caseId, String taskKey) {
    String instance = runtimeService.createProcessInstanceByKey(CaseVariables.PROCESS_KEY)
        .businessKey(caseId)
        .setVariable(CaseVariables.CASE_ID, caseId)
        .setVariable("title", "Forms with the distributors' table")
        .setVariable("acknowledgementDueBy", new Date())
        .setVariable("fixDueBy", new Date())
        .setVariable("releaseBranches", List.of("release-0.6"))
        // the branch of a release-day task, started here without its sub-process's loop
        .setVariable("branch", "release-0.6")
        .startBeforeActivity(taskKey)
        .execute(false, true).getId(); // the task listeners run: they write the table
    started.add(instance);
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).list();
    assertThat(tasks).as(taskKey).isNotEmpty();
    return tasks.get(0);
  }
}
