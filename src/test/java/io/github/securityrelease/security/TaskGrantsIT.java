package io.github.securityrelease.security;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.cases.CaseVariables;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The security team's grant on a case's task is TASK_WORK alone ({@link TaskGrantsPlugin}); it
 * reads the task and its variables through the case's definition, sees it in "My groups' tasks",
 * claims it, and works no task of the case it is not a candidate for. It gets no grant on the
 * task's history, which it reads through the definitions.
 */
@OrchestratorIntegrationTest
class TaskGrantsIT {

  private static final String MEMBER = "demo-security";
  private static final List<String> TEAM = List.of(Groups.SECURITY_TEAM);

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired HistoryService historyService;
  @Autowired AccessSeeder seeder;

  private Task task;

  @BeforeEach
  void aCase() {
    String caseId = (String) post(http, report("Task grants case", "ada@example.net")).getBody().get("caseId");
    cases.runDueJobs(caseId);
    task = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(Groups.SECURITY_TEAM));
  }

  @AfterEach
  void nobody() {
    identityService.clearAuthentication();
  }

  @Test
  @DisplayName("R27: the team's grant on a case's task is TASK_WORK alone; it reads the task and its variables through the case's definition")
  void workOnTheTaskReadThroughTheDefinition() {
    Authorization grant = teamGrant(task.getId());
    assertThat(granted(grant)).containsExactly(TaskPermissions.TASK_WORK);

    identityService.setAuthentication(MEMBER, TEAM);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
    assertThat(taskService.getVariables(task.getId())).containsKey(CaseVariables.CASE_ID);
    String filterId = filterService.createTaskFilterQuery().filterName(AccessSeeder.FILTER_GROUP_TASKS).singleResult().getId();
    assertThat(filterService.<Task>list(filterId)).extracting(Task::getId).contains(task.getId());
    taskService.claim(task.getId(), MEMBER);
    identityService.clearAuthentication();
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(MEMBER);
  }

  @Test
  @DisplayName("R27: the team gets no grant on a case task's history; it reads the history and its variables through the definitions")
  void historyReadThroughTheDefinitions() {
    assertThat(teamHistoryGrant(task.getId())).isNull();

    identityService.setAuthentication(MEMBER, TEAM);
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).count()).isOne();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .variableName(CaseVariables.CASE_ID).count()).isOne();
  }

  @Test
  @DisplayName("R27: the team works only the tasks it is a candidate for: no TASK_WORK or UPDATE_TASK on the case's definition")
  void noWorkThroughTheDefinition() {
    for (var permission : List.of(ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.UPDATE_TASK)) {
      assertThat(authorizationService.isUserAuthorized(MEMBER, TEAM, permission, Resources.PROCESS_DEFINITION,
          CaseVariables.PROCESS_KEY)).as(permission.getName()).isFalse();
    }
    assertThat(authorizationService.isUserAuthorized(MEMBER, TEAM, ProcessDefinitionPermissions.READ_TASK,
        Resources.PROCESS_DEFINITION, CaseVariables.PROCESS_KEY)).isTrue();
  }

  @Test
  @DisplayName("A database from before keeps its tasks: the team's old grant (READ, READ_VARIABLE, TASK_WORK) is narrowed at the start, its grant on the task's history goes")
  void oldGrantsNarrowed() {
    Authorization grant = teamGrant(task.getId());
    grant.addPermission(Permissions.READ);
    grant.addPermission(TaskPermissions.READ_VARIABLE);
    authorizationService.saveAuthorization(grant);
    assertThat(granted(teamGrant(task.getId()))).contains(TaskPermissions.READ, TaskPermissions.READ_VARIABLE);

    Authorization history = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    history.setGroupId(Groups.SECURITY_TEAM);
    history.setResource(Resources.HISTORIC_TASK);
    history.setResourceId(task.getId());
    history.addPermission(HistoricTaskPermissions.READ);
    history.addPermission(HistoricTaskPermissions.READ_VARIABLE);
    authorizationService.saveAuthorization(history);

    seeder.seed();

    assertThat(granted(teamGrant(task.getId()))).containsExactly(TaskPermissions.TASK_WORK);
    assertThat(teamHistoryGrant(task.getId())).isNull();
    identityService.setAuthentication(MEMBER, TEAM);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  @Test
  @DisplayName("R27: a team member reads the task and its variables over the engine REST API, as Tasklist does")
  void overHttp() {
    TestRestTemplate member = http.withBasicAuth(MEMBER, MEMBER);
    assertThat(member.getForEntity("/engine-rest/task/" + task.getId(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(member.getForEntity("/engine-rest/task/" + task.getId() + "/variables", String.class))
        .satisfies(answer -> assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK))
        .satisfies(answer -> assertThat(answer.getBody()).contains(CaseVariables.CASE_ID));
  }

  private static List<Permission> granted(Authorization grant) {
    return Arrays.stream(grant.getPermissions(TaskPermissions.values()))
        .filter(permission -> permission != TaskPermissions.NONE).toList();
  }

  private Authorization teamHistoryGrant(String taskId) {
    return authorizationService.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK).resourceId(taskId)
        .groupIdIn(Groups.SECURITY_TEAM).singleResult();
  }

  private Authorization teamGrant(String taskId) {
    return authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
        .groupIdIn(Groups.SECURITY_TEAM).singleResult();
  }
}
