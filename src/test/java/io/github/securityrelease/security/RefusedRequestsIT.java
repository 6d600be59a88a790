package io.github.securityrelease.security;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.WebappSession;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A request the engine refuses changes nothing. Every engine endpoint that runs, retries,
 * reschedules or suspends jobs, correlates messages, modifies, migrates, restarts or deletes
 * instances, or sets variables, is called by every role on two live cases (one waiting at its
 * acknowledgement task with the deadline timer, one planned and waiting for the advance notice
 * timer) and on their model (its job definitions, its suspension), through the engine REST API
 * and through the webapps' own engine API with a logged-in session. Each call is refused, and the cases' jobs (retries, due dates, locks, failures),
 * incidents, variables, tasks and history are as they were.
 */
@OrchestratorIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedRequestsIT {

  /** Requests sent at once. */
  private static final int SENDERS = 4;

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server().withPerMethodLifecycle(false);

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @LocalServerPort int port;

  private String atTask;
  private String atTimer;

  @BeforeAll
  void twoLiveCases() {
    atTask = (String) post(http, report("Refused requests: at a task", "ada@example.net")).getBody().get("caseId");
    cases.runDueJobs(atTask);
    atTimer = cases.readyToPlan(http, "Refused requests: at a timer");
    Instant disclosure = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES);
    String at = OffsetDateTime.ofInstant(disclosure, ZoneOffset.UTC).toString();
    TestCases.assertCompleted(cases.submit(http, "demo-security", atTimer, "Task_PlanDisclosure", Map.of(
        "publicDisclosureAt", at, "releaseAt", at, "publicMessaging", "A fix ships today",
        "distributorContent", "PR 1", "releaseBranches", Map.of("value", "[\"release-0.6\"]", "type", "Json"))));
    assertThat(managementService.createJobQuery().processInstanceId(cases.instance(atTimer).getId())
        .activityId("Event_AdvanceNoticeDue").count()).as("waits for the advance notice").isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}: every refused request to run, retry, move or suspend a job, correlate, modify, migrate, restart or set variables leaves the case as it was")
  @ValueSource(strings = {"demo-security", "demo-associate", "demo-maintainer", "demo-release", "demo-manager",
      "demo-admin", "demo-operator"})
  void refusedRequestsChangeNothing(String user) throws Exception {
    WebappSession webapp = WebappSession.login(port, webapp(user), user, user);
    assertThat(webapp.loginStatus()).as(user + " logs in to " + webapp(user)).isEqualTo(200);
    Map<String, CaseState> before = new LinkedHashMap<>();
    List<Call> calls = new ArrayList<>();
    for (String caseId : List.of(atTask, atTimer)) {
      before.put(caseId, state(caseId));
      calls.addAll(calls(caseId, user));
    }
    // both cases are of one model: its job definitions are called once
    Stream.of(atTask, atTimer).map(caseId -> cases.instance(caseId).getProcessDefinitionId()).distinct()
        .forEach(definition -> calls.addAll(modelCalls(definition, user)));

    Map<String, Integer> answers = send(calls, http.withBasicAuth(user, user), webapp);

    assertThat(answers).as(user).allSatisfy((call, status) -> assertThat(status).as(call).isIn(refusals(call)));
    before.forEach((caseId, state) -> assertThat(state(caseId)).as(user + " changed nothing of " + caseId)
        .isEqualTo(state));
  }

  /**
   * Each call through the engine REST API and through the webapps' engine API, answers by call:
   * {@value #SENDERS} at a time, since each is refused and none depends on another.
   */
  private Map<String, Integer> send(List<Call> calls, TestRestTemplate engineRest, WebappSession webapp)
      throws InterruptedException, ExecutionException {
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    try {
      Map<String, Future<Integer>> pending = new LinkedHashMap<>();
      for (Call call : calls) {
        pending.put("engine-rest " + call, senders.submit(() -> engineRest(engineRest, call)));
        pending.put("webapp " + call, senders.submit(() -> webapp.engine(call.method(), call.path(), call.json())
            .statusCode()));
      }
      Map<String, Integer> answers = new LinkedHashMap<>();
      for (Map.Entry<String, Future<Integer>> answer : pending.entrySet()) {
        answers.put(answer.getKey(), answer.getValue().get());
      }
      return answers;
    } finally {
      senders.shutdownNow();
    }
  }

  /** 403; a task the caller may not see is not found at all. */
  private static List<Integer> refusals(String call) {
    return call.matches(".* /task/[^/ ]+ .*") ? List.of(403, 404) : List.of(403);
  }

  private static String webapp(String user) {
    return switch (user) {
      case "demo-manager", "demo-operator" -> "cockpit";
      case "demo-admin" -> "admin";
      default -> "tasklist";
    };
  }

  /** What the role may not do to the case; the operator's own right (retries) is left out, its test is elsewhere. */
  private List<Call> calls(String caseId, String user) {
    ProcessInstance instance = cases.instance(caseId);
    String id = instance.getId();
    String definition = instance.getProcessDefinitionId();
    List<Call> calls = new ArrayList<>();
    for (Job job : managementService.createJobQuery().processInstanceId(id).list()) {
      String path = "/job/" + job.getId();
      calls.add(new Call("POST", path + "/execute", null));
      if (!user.equals("demo-operator")) {
        calls.add(new Call("PUT", path + "/retries", "{\"retries\": 0}"));
      }
      calls.add(new Call("PUT", path + "/duedate", "{\"duedate\": \"2031-01-01T00:00:00.000+0000\"}"));
      calls.add(new Call("POST", path + "/duedate/recalculate", null));
      calls.add(new Call("PUT", path + "/suspended", "{\"suspended\": true}"));
      calls.add(new Call("PUT", path + "/priority", "{\"priority\": 99}"));
      calls.add(new Call("DELETE", path, null));
      calls.add(new Call("POST", "/job/retries", "{\"jobIds\": [\"" + job.getId() + "\"], \"retries\": 0}"));
    }
    calls.add(new Call("PUT", "/job/suspended", "{\"processInstanceId\": \"" + id + "\", \"suspended\": true}"));
    for (String message : List.of("DisclosureRescheduled", "EmbargoBroken")) {
      calls.add(new Call("POST", "/message", "{\"messageName\": \"" + message + "\", \"businessKey\": \"" + caseId
          + "\", \"processVariables\": {\"rescheduledPublicDisclosureAt\": {\"value\": \"2027-01-01T00:00Z\"},"
          + " \"breachedBy\": {\"value\": \"x\"}, \"breachDescription\": {\"value\": \"y\"}}}"));
    }
    String instancePath = "/process-instance/" + id;
    String validate = "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_ValidateReport\"}]";
    calls.add(new Call("PUT", instancePath + "/suspended", "{\"suspended\": true}"));
    calls.add(new Call("PUT", "/process-instance/suspended", "{\"processInstanceIds\": [\"" + id + "\"], \"suspended\": true}"));
    calls.add(new Call("POST", instancePath + "/modification", validate + "}"));
    calls.add(new Call("POST", instancePath + "/modification-async", validate + "}"));
    calls.add(new Call("DELETE", instancePath, null));
    calls.add(new Call("POST", "/process-instance/delete", "{\"processInstanceIds\": [\"" + id + "\"]}"));
    calls.add(new Call("POST", "/migration/execute", "{\"migrationPlan\": {\"sourceProcessDefinitionId\": \"" + definition
        + "\", \"targetProcessDefinitionId\": \"" + definition + "\", \"instructions\": []}, \"processInstanceIds\": [\"" + id + "\"]}"));
    calls.add(new Call("POST", "/process-definition/" + definition + "/restart",
        "{\"processInstanceIds\": [\"" + id + "\"], " + validate.substring(1) + "}"));
    calls.add(new Call("PUT", instancePath + "/variables/status", "{\"value\": \"DISCLOSED\", \"type\": \"String\"}"));
    calls.add(new Call("POST", instancePath + "/variables",
        "{\"modifications\": {\"status\": {\"value\": \"DISCLOSED\"}}, \"deletions\": [\"title\"]}"));
    calls.add(new Call("DELETE", instancePath + "/variables/title", null));
    calls.add(new Call("PUT", "/execution/" + id + "/localVariables/status", "{\"value\": \"DISCLOSED\"}"));
    calls.add(new Call("POST", "/process-instance/variables-async",
        "{\"processInstanceIds\": [\"" + id + "\"], \"variables\": {\"status\": {\"value\": \"DISCLOSED\"}}}"));
    for (Task task : taskService.createTaskQuery().processInstanceId(id).list()) {
      String path = "/task/" + task.getId();
      // the task's candidates may claim and complete it, never write the case's variables around its form
      calls.add(new Call("PUT", path + "/variables/status", "{\"value\": \"DISCLOSED\"}"));
      calls.add(new Call("POST", path + "/variables", "{\"modifications\": {\"publicDisclosureAt\": {\"value\": \"x\"}}}"));
      calls.add(new Call("PUT", path + "/localVariables/note", "{\"value\": \"x\"}"));
      calls.add(new Call("PUT", path, "{\"name\": \"Renamed\", \"due\": \"2031-01-01T00:00:00.000+0000\"}"));
      calls.add(new Call("POST", path + "/assignee", "{\"userId\": \"demo-manager\"}"));
    }
    return calls;
  }

  /** What the role may not do to the model, and with it to every case of it: its job definitions, its suspension. */
  private List<Call> modelCalls(String definition, String user) {
    List<Call> calls = new ArrayList<>();
    for (JobDefinition jobDefinition : managementService.createJobDefinitionQuery().processDefinitionId(definition).list()) {
      String path = "/job-definition/" + jobDefinition.getId();
      if (!user.equals("demo-operator")) {
        calls.add(new Call("PUT", path + "/retries", "{\"retries\": 0}"));
      }
      calls.add(new Call("PUT", path + "/suspended", "{\"suspended\": true, \"includeJobs\": true}"));
      calls.add(new Call("PUT", path + "/jobPriority", "{\"priority\": 99, \"includeJobs\": true}"));
    }
    calls.add(new Call("PUT", "/process-definition/" + definition + "/suspended",
        "{\"suspended\": true, \"includeProcessInstances\": true}"));
    return calls;
  }

  private static int engineRest(TestRestTemplate as, Call call) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as.exchange("/engine-rest" + call.path(), HttpMethod.valueOf(call.method()),
        new HttpEntity<>(call.json(), headers), String.class).getStatusCode().value();
  }

  /** Everything of a case that a request could change, as the engine keeps it. */
  private CaseState state(String caseId) {
    ProcessInstance instance = cases.instance(caseId);
    String id = instance.getId();
    Map<String, List<Object>> jobs = new TreeMap<>();
    managementService.createJobQuery().processInstanceId(id).list().forEach(job -> jobs.put(job.getId(), List.of(
        job.getRetries(), String.valueOf(job.getDuedate()), job.isSuspended(), job.getPriority(),
        String.valueOf(job.getExceptionMessage()))));
    Map<String, List<Object>> jobDefinitions = new TreeMap<>();
    managementService.createJobDefinitionQuery().processDefinitionId(instance.getProcessDefinitionId()).list()
        .forEach(definition -> jobDefinitions.put(definition.getId(), List.of(definition.isSuspended(),
            String.valueOf(definition.getOverridingJobPriority()))));
    Map<String, List<Object>> tasks = new TreeMap<>();
    taskService.createTaskQuery().processInstanceId(id).list().forEach(task -> tasks.put(task.getId(), List.of(
        task.getName(), String.valueOf(task.getAssignee()), String.valueOf(task.getDueDate()),
        text(taskService.getVariablesLocal(task.getId())))));
    Map<String, Long> history = new TreeMap<>(Map.of(
        "activities", historyService.createHistoricActivityInstanceQuery().processInstanceId(id).count(),
        "details", historyService.createHistoricDetailQuery().processInstanceId(id).count(),
        "variables", historyService.createHistoricVariableInstanceQuery().processInstanceId(id).count(),
        "job log", historyService.createHistoricJobLogQuery().processInstanceId(id).count(),
        "operation log", historyService.createUserOperationLogQuery().processInstanceId(id).count(),
        "incidents", historyService.createHistoricIncidentQuery().processInstanceId(id).count(),
        "batches", managementService.createBatchQuery().count()));
    return new CaseState(instance.isSuspended(), jobs, jobDefinitions,
        runtimeService.createIncidentQuery().processInstanceId(id).count(),
        text(runtimeService.getVariables(id)), tasks, history,
        runtimeService.createProcessInstanceQuery().processDefinitionId(instance.getProcessDefinitionId()).suspended().count());
  }

  /** Values as text: a JSON variable's value has no equality of its own. */
  private static Map<String, String> text(Map<String, Object> variables) {
    Map<String, String> text = new TreeMap<>();
    variables.forEach((name, value) -> text.put(name, String.valueOf(value)));
    return text;
  }

  private record Call(String method, String path, String json) {
    @Override
    public String toString() {
      return method + " " + path + " " + (json == null ? "" : json);
    }
  }

  private record CaseState(boolean suspended, Map<String, List<Object>> jobs, Map<String, List<Object>> jobDefinitions,
      long incidents, Map<String, String> variables, Map<String, List<Object>> tasks, Map<String, Long> history,
      long suspendedInstancesOfModel) {}
}
