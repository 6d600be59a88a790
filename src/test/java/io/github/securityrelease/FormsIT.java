package io.github.securityrelease;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every user task of every deployed model has a Camunda Form that Tasklist gets: for each, a
 * case is started right at the task, and the engine REST API is asked for the task's form as
 * a member of its candidate group would ask. The same for every start form.
 */
@OrchestratorIntegrationTest
class FormsIT {

  private static final Map<String, String> MEMBER_OF = Map.of(
      "security-team", "demo-security",
      "security-associates", "demo-associate",
      "sig-maintainers", "demo-maintainer",
      "release-managers", "demo-release");

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  @DisplayName("every user task's form resolves for its candidate group, through the engine REST API")
  void everyTaskFormResolves() throws Exception {
    List<String> checked = new ArrayList<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
        assertThat(userTask.getCamundaFormRef()).as("%s has a Camunda Form", userTask.getId()).isNotBlank();
        assertThat(userTask.getCamundaFormRefBinding()).as("%s binds its form to the deployment", userTask.getId())
            .isEqualTo("deployment");
        Task task = startAt(definition, userTask);
        String user = candidate(task);
        ResponseEntity<String> form = http.withBasicAuth(user, user)
            .getForEntity("/engine-rest/task/" + task.getId() + "/deployed-form", String.class);
        assertThat(form.getStatusCode()).as("the form of %s for %s", userTask.getId(), user).isEqualTo(HttpStatus.OK);
        JsonNode schema = json.readTree(form.getBody());
        assertThat(schema.path("id").asText()).isEqualTo(userTask.getCamundaFormRef());
        assertThat(schema.path("components").size()).isPositive();
        checked.add(userTask.getId());
        runtimeService.deleteProcessInstance(task.getProcessInstanceId(), "form checked", true, true);
      }
    }
    assertThat(checked).contains("Task_AcknowledgeReport", "Task_PlanDisclosure", "Task_CherryPickFix", "Task_ResolveCherryPick",
        "Task_AssessEmbargoBreak", "Task_ReviewApplication", "Task_ConfirmVouching", "Task_DecideRemoval",
        "Task_ReviewRotation", "Task_VoteOnRemoval");
  }

  @Test
  @DisplayName("every process a person starts has a start form that resolves")
  void everyStartFormResolves() throws Exception {
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        boolean personStarts = start.getParentElement() == model.getModelElementById(definition.getKey())
            && start.getEventDefinitions().isEmpty();
        if (!personStarts) {
          continue;
        }
        assertThat(start.getCamundaFormRef()).as("%s has a start form", start.getId()).isNotBlank();
        ResponseEntity<String> form = http.withBasicAuth("demo-security", "demo-security").getForEntity(
            "/engine-rest/process-definition/" + definition.getId() + "/deployed-start-form", String.class);
        assertThat(form.getStatusCode()).as("the start form of %s", definition.getKey()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(form.getBody()).path("id").asText()).isEqualTo(start.getCamundaFormRef());
      }
    }
  }

  /**
   * Who may open the task as the engine made it (candidate groups may be expressions, R24): a
   * member of its first candidate group, else its first candidate user.
   */
  private String candidate(Task task) {
    List<IdentityLink> candidates = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .toList();
    return candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).findFirst().map(MEMBER_OF::get)
        .or(() -> candidates.stream().map(IdentityLink::getUserId).filter(Objects::nonNull).findFirst())
        .orElseThrow(() -> new AssertionError(task.getTaskDefinitionKey() + " has no candidate"));
  }

  /** A case waiting at {@code userTask}, with what its due date and loop need. */
  private Task startAt(ProcessDefinition definition, UserTask userTask) {
    boolean loop = userTask.getLoopCharacteristics() != null;
    ProcessInstantiationBuilder builder = runtimeService.createProcessInstanceById(definition.getId())
        .businessKey("SEC-2026-FORMS")
        .setVariable("caseId", "SEC-2026-FORMS")
        .setVariable("title", "Forms")
        .setVariable("acknowledgementDueBy", new Date())
        .setVariable("fixDueBy", new Date())
        .setVariable("releaseBranches", List.of("release-0.6"))
        // the branch of a release-day task, started here without its sub-process's loop
        .setVariable("branch", "release-0.6")
        // the voucher of a distributor application (R25), a candidate user by name
        .setVariable("vouchedBy", "demo-security")
        // the one voter of a removal vote (R23), a candidate user by name
        .setVariable("voters", List.of("demo-security"))
        .setVariable("voteEndsAt", new Date())
        .startBeforeActivity(loop ? userTask.getId() + "#multiInstanceBody" : userTask.getId());
    String instance = builder.execute(true, true).getId();
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(userTask.getId()).list();
    assertThat(tasks).as("tasks of %s", userTask.getId()).isNotEmpty();
    return tasks.get(0);
  }
}
