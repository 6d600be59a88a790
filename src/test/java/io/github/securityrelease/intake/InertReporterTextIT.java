package io.github.securityrelease.intake;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Markup, script and template syntax in a report stay inert text: in the engine API Tasklist
 * reads, in the forms it shows, and in the mails.
 */
@OrchestratorIntegrationTest
class InertReporterTextIT {

  static final String TITLE = "<script>alert(1)</script> {{caseId}} ${7*7}";
  static final String REPORTER_NAME = "<img src=x onerror=alert(1)> {{#x}}boom{{/x}} #{7*7}";
  static final String WHAT_HAPPENED = String.join("\n",
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "{{caseId}} {{#x}}section{{/x}} {{{reporterEmail}}}",
      "${7*7} #{7*7} [[${7*7}]] ${T(java.lang.Runtime).getRuntime()}",
      "= 7*7");
  static final String ACKNOWLEDGEMENT = "Thank you. We saw {{caseId}}, ${7*7}, #{7*7} and <script>alert(1)</script>.";

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired TaskService taskService;

  @Test
  @DisplayName("script, markup and template syntax from a reporter stay text in the API, the form and the mails")
  void reporterTextStaysText() throws Exception {
    String caseId = (String) post(http, payloadReport(TITLE, REPORTER_NAME)).getBody().get("caseId");
    cases.runDueJobs(caseId);
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult().getId();

    JsonNode variables = engine("/engine-rest/task/" + taskId + "/form-variables");
    assertThat(variables.at("/title/value").asText()).isEqualTo(TITLE);
    assertThat(variables.at("/reporterName/value").asText()).isEqualTo(REPORTER_NAME);
    assertThat(variables.at("/whatHappened/value").asText()).isEqualTo(WHAT_HAPPENED);
    assertThat(variables.at("/expected/value").asText()).isEqualTo("[[${7*7}]]");

    JsonNode form = engine("/engine-rest/task/" + taskId + "/deployed-form");
    for (String key : List.of("title", "reporterName", "whatHappened", "expected")) {
      JsonNode field = component(form, key);
      assertThat(field.path("type").asText()).as(key).isIn("textfield", "textarea");
      assertThat(field.path("disabled").asBoolean()).as(key + " is read-only").isTrue();
    }
    assertThat(form.path("components").findValues("type")).extracting(JsonNode::asText).doesNotContain("html");

    MimeMessage receipt = single(mailsAbout(caseId));
    assertThat(receipt.getContentType()).startsWith("text/plain");
    assertThat(GreenMailUtil.getBody(receipt)).as("the receipt")
        .contains("Dear " + REPORTER_NAME + ",", "Title:    " + TITLE)
        .doesNotContain("Dear 49", "</script> " + caseId + " ");

    TestCases.assertCompleted(cases.submit(http, "demo-security", caseId, "Task_AcknowledgeReport",
        Map.of("acknowledgementMessage", ACKNOWLEDGEMENT)));
    MimeMessage acknowledgement = mailsAbout(caseId).get(1);
    assertThat(acknowledgement.getContentType()).startsWith("text/plain");
    assertThat(GreenMailUtil.getBody(acknowledgement)).as("the acknowledgement")
        .contains("(\"" + TITLE + "\")", ACKNOWLEDGEMENT, "Dear " + REPORTER_NAME + ",")
        .doesNotContain("We saw " + caseId);
  }

  @ParameterizedTest(name = "a line break in the {0} is refused (400): no header injection")
  @ValueSource(strings = {"title", "reporter.name"})
  void lineBreaksAreRefused(String field) {
    String injected = "Token leak\r\nBcc: mallory@example.net";
    ResponseEntity<Map> response = post(http, field.equals("title")
        ? payloadReport(injected, "Ada")
        : payloadReport("Token leak", injected));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(String.valueOf(response.getBody())).contains(field);
  }

  private static Map<String, Object> payloadReport(String title, String reporterName) {
    Map<String, Object> report = new HashMap<>(report(title, "ada@example.net"));
    report.put("whatHappened", WHAT_HAPPENED);
    report.put("expected", "[[${7*7}]]");
    report.put("reporter", Map.of("name", reporterName, "email", "ada@example.net"));
    return report;
  }

  private JsonNode engine(String path) throws Exception {
    ResponseEntity<String> response = http.withBasicAuth("demo-security", "demo-security").getForEntity(path, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return new ObjectMapper().readTree(response.getBody());
  }

  private static JsonNode component(JsonNode form, String key) {
    for (JsonNode component : form.path("components")) {
      if (component.path("key").asText().equals(key)) {
        return component;
      }
    }
    throw new AssertionError("no field " + key + " in " + form.path("id"));
  }

  private List<MimeMessage> mailsAbout(String caseId) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> TestSmtp.subject(mail).contains(caseId)).toList();
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }
}
