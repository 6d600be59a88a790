package io.github.securityrelease;

import static io.github.securityrelease.engine.TaskInput.MAX_TEXT;
import static io.github.securityrelease.TestCases.assertCompleted;
import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The engine keeps a text variable in 4000 characters: the longest text is taken whole, one
 * character more is a 400 naming the field, through the API and through a task's form alike,
 * never a failed database write (a 500) or a half-made case.
 */
@OrchestratorIntegrationTest
class TextLimitIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  private static final String LONGEST = "Step. ".repeat(MAX_TEXT / 6) + "x".repeat(MAX_TEXT % 6);

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  @DisplayName("a report's texts at their longest are kept to the character; one more is a 400 naming the field")
  void reportTexts() {
    Map<String, Object> longest = new HashMap<>(report("Long report", "ada@example.net"));
    for (String field : List.of("whatHappened", "expected", "howToReproduce", "anythingElse")) {
      longest.put(field, LONGEST);
    }
    ResponseEntity<Map> taken = post(http, longest);
    assertThat(taken.getStatusCode()).as(String.valueOf(taken.getBody())).isEqualTo(HttpStatus.CREATED);
    String caseId = (String) taken.getBody().get("caseId");
    assertThat(runtimeService.getVariables(cases.instance(caseId).getId()))
        .containsEntry("whatHappened", LONGEST).containsEntry("anythingElse", LONGEST);

    long before = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> tooLong = new HashMap<>(report("Too long", "ada@example.net"));
    tooLong.put("howToReproduce", LONGEST + "!");
    ResponseEntity<Map> refused = post(http, tooLong);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).contains("howToReproduce");
    assertThat(runtimeService.createProcessInstanceQuery().count()).as("no case made").isEqualTo(before);
  }

  @Test
  @DisplayName("a task's text one character over the limit is refused naming the field; the task stays open")
  void taskTexts() {
    String caseId = (String) post(http, report("Long acknowledgement", "ada@example.net")).getBody().get("caseId");
    cases.runDueJobs(caseId);
    ResponseEntity<String> refused = cases.submit(http, "demo-security", caseId, "Task_AcknowledgeReport",
        Map.of("acknowledgementMessage", LONGEST + "!"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("acknowledgementMessage: must be at most 4000 characters");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey("Task_AcknowledgeReport").count()).as("the task stays open").isEqualTo(1);

    assertCompleted(cases.submit(http, "demo-security", caseId, "Task_AcknowledgeReport",
        Map.of("acknowledgementMessage", LONGEST)));
  }

  @Test
  @DisplayName("a report with an unpaired surrogate is a 400 naming the field, not a 500")
  void loneSurrogate() {
    long before = runtimeService.createProcessInstanceQuery().count();
    String body = """
        {"title": "Broken text", "whatHappened": "half a character: \\uD800 here",
         "howToReproduce": "Send it.", "reporter": {"email": "ada@example.net"}}""";
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> refused = http.postForEntity("/api/v1/reports", new HttpEntity<>(body, headers), String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("whatHappened", "unpaired surrogates");
    assertThat(runtimeService.createProcessInstanceQuery().count()).as("no case made").isEqualTo(before);
  }

  @Test
  @DisplayName("a task's text with a NUL character is refused naming the field (PostgreSQL keeps no NUL)")
  void taskNul() {
    String caseId = (String) post(http, report("NUL acknowledgement", "ada@example.net")).getBody().get("caseId");
    cases.runDueJobs(caseId);
    ResponseEntity<String> refused = cases.submit(http, "demo-security", caseId, "Task_AcknowledgeReport",
        Map.of("acknowledgementMessage", "Thanks\u0000"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("acknowledgementMessage: must not contain NUL characters");
  }
}
