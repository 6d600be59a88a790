package io.github.securityrelease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The embedded default keeps everything in its H2 file, production in PostgreSQL
 * ({@link TestDatabase}): stop, start, and nothing is lost.
 */
class RestartIT {

  @TempDir Path data;

  private String database;

  private String database() {
    if (database == null) {
      database = TestDatabase.persistent(data);
    }
    return database;
  }

  @Test
  @DisplayName("after a restart every case, task, timer and notification is still there, and the timer fires")
  void survivesRestart() {
    String caseId;
    Date dueBy;
    try (ConfigurableApplicationContext first = start(false)) {
      TestRestTemplate http = http(first);
      ResponseEntity<Map> created = TestCases.post(http, TestCases.report("Survives a restart", "ada@example.net"));
      assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
      caseId = (String) created.getBody().get("caseId");
      runJobs(first, caseId);
      dueBy = timer(first, caseId).getDuedate();
    }

    try (ConfigurableApplicationContext second = start(true)) {
      TestRestTemplate http = http(second);
      ProcessInstance instance = second.getBean(RuntimeService.class).createProcessInstanceQuery()
          .processInstanceBusinessKey(caseId).singleResult();
      assertThat(instance).as("the case").isNotNull();
      Task task = second.getBean(TaskService.class).createTaskQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_AcknowledgeReport");
      assertThat(timer(second, caseId).getDuedate()).as("the deadline timer").isEqualTo(dueBy);

      List<Map<String, Object>> ledger = http.withBasicAuth("demo-security", "demo-security")
          .exchange("/api/v1/cases/" + caseId + "/notifications", HttpMethod.GET, null,
              new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
      assertThat(ledger).extracting(row -> row.get("kind") + " " + row.get("status"))
          .containsExactly("REPORT_RECEIPT UNDELIVERED");

      String next = (String) TestCases.post(http, TestCases.report("After the restart", "ada@example.net"))
          .getBody().get("caseId");
      assertThat(number(next)).isEqualTo(number(caseId) + 1);

      assertThat(second.getBean(IdentityService.class).createUserQuery().userId("demo-security").count()).isEqualTo(1);
      assertThat(second.getBean(FilterService.class).createFilterQuery().count())
          .as("My tasks, My groups' tasks, Tasks offered to me, each once").isEqualTo(3);

      String health = http.getForObject("/actuator/health", String.class);
      assertThat(health).contains("\"status\":\"UP\"", "\"processEngine\":{\"status\":\"UP\"}",
          "\"jobExecutor\":{\"status\":\"UP\"}", "\"db\":{\"status\":\"UP\"}",
          "\"mail\":{\"status\":\"UNKNOWN\"}");

      // the timer set before the restart fires after it: the job executor of the second run
      // finds it due once the engine clock passes the deadline, and the team is alerted
      ClockUtil.setCurrentTime(Date.from(dueBy.toInstant().plusSeconds(60)));
      try {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
            http.withBasicAuth("demo-security", "demo-security").exchange("/api/v1/cases/" + caseId + "/notifications",
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody())
            .extracting(row -> row.get("kind") + " " + row.get("status"))
            .contains("ACKNOWLEDGEMENT_OVERDUE_ALERT UNDELIVERED"));
      } finally {
        ClockUtil.reset();
      }
    }
  }

  private ConfigurableApplicationContext start(boolean jobExecutor) {
    List<String> arguments = new ArrayList<>(List.of(TestDatabase.arguments(database())));
    arguments.add("--server.port=0");
    arguments.add("--camunda.bpm.job-execution.enabled=" + jobExecutor);
    return new SpringApplicationBuilder(SecurityReleaseApplication.class).run(arguments.toArray(String[]::new));
  }

  private static TestRestTemplate http(ConfigurableApplicationContext context) {
    String port = context.getEnvironment().getProperty("local.server.port");
    return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
  }

  private static void runJobs(ConfigurableApplicationContext context, String caseId) {
    ManagementService management = context.getBean(ManagementService.class);
    String instance = context.getBean(RuntimeService.class).createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId).singleResult().getId();
    management.createJobQuery().processInstanceId(instance).executable().list()
        .forEach(job -> management.executeJob(job.getId()));
  }

  private static Job timer(ConfigurableApplicationContext context, String caseId) {
    String instance = context.getBean(RuntimeService.class).createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId).singleResult().getId();
    return context.getBean(ManagementService.class).createJobQuery().processInstanceId(instance).timers().singleResult();
  }

  private static long number(String caseId) {
    return Long.parseLong(caseId.substring(caseId.lastIndexOf('-') + 1));
  }
}
