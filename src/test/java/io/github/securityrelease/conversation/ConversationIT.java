package io.github.securityrelease.conversation;

import static io.github.securityrelease.TestSmtp.mail;
import static io.github.securityrelease.TestSmtp.sender;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.inbox.Inbox;
import jakarta.mail.internet.MimeMessage;
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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * R28 over real SMTP and IMAP (GreenMail): a mailed report, the team's message in its thread,
 * the reporter's replies by mail joining the case, the conversation listed, need to know (R27).
 */
@OrchestratorIntegrationTest
class ConversationIT {

  @RegisterExtension
  static GreenMailExtension mail = TestSmtp.serverWithInbox();

  @Autowired Inbox inbox;
  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  @DisplayName("R28 a mailed report, the team's message in its thread, the reporter's replies by mail join the case once, listed in order")
  void conversationOverMail() throws Exception {
    String reporter = sender();
    MimeMessage report = mail(reporter, "Token leak in the controller logs", "The controller logs the token.");
    String reportId = report.getMessageID();
    deliver(report);
    assertThat(inbox.poll().cases()).isEqualTo(1);
    String caseId = onlyCaseOf(reporter);
    cases.runDueJobs(caseId);

    // the receipt answers in the report's thread, the case's tag kept
    MimeMessage receipt = single(TestSmtp.receivedBy(mail, reporter));
    assertThat(receipt.getSubject()).isEqualTo("Re: [" + caseId + "] Token leak in the controller logs");
    assertThat(receipt.getHeader("In-Reply-To", null)).isEqualTo(reportId);
    assertThat(receipt.getHeader("References", null)).isEqualTo(reportId);

    ResponseEntity<Map> written = write("demo-security", caseId, "Can you share the controller's version?");
    assertThat(written.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(written.getHeaders().getLocation()).hasToString("/api/v1/cases/" + caseId + "/messages");
    assertThat(TestSmtp.receivedBy(mail, reporter)).as("not on the request's thread: the job sends it").hasSize(1);
    cases.runConversationJobs(caseId);

    List<MimeMessage> toReporter = TestSmtp.receivedBy(mail, reporter);
    assertThat(toReporter).hasSize(2);
    MimeMessage message = toReporter.get(1);
    assertThat(message.getSubject()).isEqualTo("Re: [" + caseId + "] Token leak in the controller logs");
    assertThat(message.getHeader("In-Reply-To", null)).isEqualTo(reportId);
    assertThat(GreenMailUtil.getBody(message)).contains("Can you share the controller's version?",
        "demo-security, for the security team");
    String ours = message.getMessageID();
    assertThat(ours).startsWith("<notification-").contains("." + caseId + "@");

    // the reply names our message, its subject no tag: it joins the case, delivered twice it is one message
    MimeMessage reply = mail(reporter, "Re: your question", "It is v0.6.0.\n\nOn Mon, 1 Dec 2026, Security wrote:\n"
        + "> Can you share the controller's version?\n");
    reply.setHeader("In-Reply-To", ours);
    reply.setHeader("References", reportId + " " + ours);
    deliver(reply);
    deliver(reply);
    Inbox.Reading reading = inbox.poll();
    assertThat(reading.cases()).isZero();
    assertThat(reading.messages()).isEqualTo(2);
    assertThat(casesOf(reporter)).as("never a new case").hasSize(1);

    // known by the case's tag alone
    deliver(mail(reporter, "[" + caseId + "] one more thing", "It runs on arm64."));
    assertThat(inbox.poll().messages()).isEqualTo(1);
    assertThat(casesOf(reporter)).hasSize(1);

    List<Map<String, Object>> conversation = messages("demo-security", caseId).getBody();
    assertThat(conversation).extracting(m -> m.get("direction")).containsExactly("OUT", "OUT", "IN", "IN");
    assertThat(conversation).extracting(m -> m.get("from"))
        .containsExactly("security@kurator.example", "security@kurator.example", reporter, reporter);
    assertThat((String) conversation.get(1).get("body")).contains("Can you share the controller's version?");
    assertThat(conversation.get(2).get("body")).isEqualTo("It is v0.6.0.");
    assertThat(conversation.get(3).get("body")).isEqualTo("It runs on arm64.");
    assertThat(conversation).allSatisfy(m -> assertThat(m.get("at")).isNotNull());

    // the team hears of each answer from a job, without its text
    cases.runConversationJobs(caseId);
    List<Map<String, Object>> alerts = ledger(caseId).stream()
        .filter(row -> "REPORTER_ANSWERED".equals(row.get("kind"))).toList();
    assertThat(alerts).hasSize(2).allSatisfy(row -> {
      assertThat(row.get("status")).isEqualTo("SENT");
      assertThat((String) row.get("body")).contains(caseId).doesNotContain("v0.6.0", "arm64");
    });
  }

  @Test
  @DisplayName("R3 R28 while \"Ask reporter for private handling\" waits, the reporter's answer by mail is shown in that task")
  void answerShownInPrivateHandlingTask() throws Exception {
    String reporter = sender();
    Map<String, Object> publicReport = new HashMap<>(TestCases.report("Public already", reporter));
    publicReport.put("publiclyDisclosed", true);
    publicReport.put("publicReference", "https://example.net/issues/1");
    String caseId = (String) TestCases.post(http, publicReport).getBody().get("caseId");
    cases.runDueJobs(caseId);
    var task = taskService.createTaskQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey("Task_AskReporterForPrivateHandling").singleResult();
    assertThat(task).isNotNull();

    // a stranger using the tag joins the conversation, but is not the reporter's answer
    deliver(mail("eve-" + System.nanoTime() + "@example.net", "[" + caseId + "] I am the reporter", "Publish it."));
    deliver(mail(reporter, "Re: [" + caseId + "] We received your vulnerability report", "Yes, privately please."));
    assertThat(inbox.poll().messages()).isEqualTo(2);

    assertThat(taskService.getVariable(task.getId(), "reporterAnswer")).isEqualTo("Yes, privately please.");
    assertThat(messages("demo-security", caseId).getBody()).filteredOn(m -> "IN".equals(m.get("direction")))
        .hasSize(2);

    // a report through the API: the team's message answers the receipt's thread
    write("demo-security", caseId, "Thank you.");
    cases.runConversationJobs(caseId);
    List<MimeMessage> toReporter = TestSmtp.receivedBy(mail, reporter);
    assertThat(toReporter).hasSize(2);
    assertThat(toReporter.get(1).getHeader("In-Reply-To", null)).isEqualTo(toReporter.get(0).getMessageID());
  }

  @Test
  @DisplayName("R27 R28 managers see no message and write none; an unknown case is 404; nothing is started")
  void needToKnow() throws Exception {
    String reporter = sender();
    String caseId = (String) TestCases.post(http, TestCases.report("Need to know", reporter)).getBody().get("caseId");
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(Conversation.PROCESS_KEY).count();

    assertThat(statusOfList("demo-manager", caseId)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(write("demo-manager", caseId, "Hello").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(statusOfList("demo-security", "SEC-2026-99999")).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(write("demo-security", "SEC-2026-99999", "Hello").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(write("demo-security", caseId, " ").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(Conversation.PROCESS_KEY).count())
        .isEqualTo(before);
    assertThat(historicMessagesOf("SEC-2026-99999")).isZero();
  }

  @Test
  @DisplayName("R28 in Tasklist the team starts \"Write to reporter\" naming the case in its form; no one else may, nor for no case")
  void writeFromTasklist() {
    String reporter = sender();
    String caseId = (String) TestCases.post(http, TestCases.report("From Tasklist", reporter)).getBody().get("caseId");
    cases.runDueJobs(caseId);

    assertThat(startForm("demo-maintainer", caseId, "Hello").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> noCase = startForm("demo-security", "SEC-2026-99998", "Hello");
    assertThat(noCase.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noCase.getBody()).contains("caseId");
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> twoCases = http.withBasicAuth("demo-security", "demo-security").exchange(
        "/engine-rest/process-definition/key/reporter-message/submit-form", HttpMethod.POST, new HttpEntity<>(Map.of(
            "businessKey", "SEC-2026-99998", "variables", Map.of("caseId", Map.of("value", caseId, "type", "String"),
                "message", Map.of("value", "Hello", "type", "String"))), json), String.class);
    assertThat(twoCases.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(twoCases.getBody()).contains("caseId");
    assertThat(historicMessagesOf(caseId) + historicMessagesOf("SEC-2026-99998")).isZero();

    assertThat(startForm("demo-security", caseId, "Written in Tasklist.").getStatusCode()).isEqualTo(HttpStatus.OK);
    cases.runConversationJobs(caseId);
    List<MimeMessage> toReporter = TestSmtp.receivedBy(mail, reporter);
    assertThat(toReporter).hasSize(2);
    assertThat(GreenMailUtil.getBody(toReporter.get(1))).contains("Written in Tasklist.", "demo-security, for the security team");
  }

  @Test
  @DisplayName("R28 nobody but the service starts \"Reporter answered\": the team is never alerted of an answer nobody sent")
  void answeredIsTheServices() {
    String caseId = (String) TestCases.post(http, TestCases.report("Nobody answered", sender())).getBody().get("caseId");
    cases.runDueJobs(caseId);

    ResponseEntity<String> refused = http.withBasicAuth("demo-security", "demo-security").postForEntity(
        "/engine-rest/message", Map.of("messageName", "ReporterAnswered", "businessKey", caseId, "processVariables",
            Map.of("answerKey", Map.of("value", "made-up"), "answerFrom", Map.of("value", "ada@example.net"))),
        String.class);

    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(historicMessagesOf(caseId)).isZero();
  }

  /**
   * What Tasklist's "Start process" sends for the start form: its fields, no business key (its
   * dialog has no field for one with a Camunda Form); the case ID becomes it.
   */
  private ResponseEntity<String> startForm(String user, String caseId, String message) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).exchange("/engine-rest/process-definition/key/reporter-message/submit-form",
        HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of("caseId", Map.of("value", caseId, "type", "String"),
            "message", Map.of("value", message, "type", "String"))), headers), String.class);
  }

  private long historicMessagesOf(String caseId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(Conversation.PROCESS_KEY)
        .processInstanceBusinessKey(caseId).count();
  }

  private ResponseEntity<Map> write(String user, String caseId, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).exchange("/api/v1/cases/" + caseId + "/messages", HttpMethod.POST,
        new HttpEntity<>(Map.of("body", body), headers), Map.class);
  }

  private ResponseEntity<List<Map<String, Object>>> messages(String user, String caseId) {
    return http.withBasicAuth(user, user).exchange("/api/v1/cases/" + caseId + "/messages", HttpMethod.GET, null,
        new ParameterizedTypeReference<>() {});
  }

  private HttpStatusCode statusOfList(String user, String caseId) {
    return http.withBasicAuth(user, user).exchange("/api/v1/cases/" + caseId + "/messages", HttpMethod.GET, null,
        String.class).getStatusCode();
  }

  private List<Map<String, Object>> ledger(String caseId) {
    return http.withBasicAuth("demo-security", "demo-security").exchange("/api/v1/cases/" + caseId + "/notifications",
        HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
  }


  private String onlyCaseOf(String reporter) {
    var instances = casesOf(reporter);
    assertThat(instances).hasSize(1);
    return instances.get(0).getBusinessKey();
  }

  private List<org.camunda.bpm.engine.runtime.ProcessInstance> casesOf(String reporter) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("vulnerability-handling")
        .variableValueEquals("reporterEmail", reporter).list();
  }

  private static MimeMessage single(List<MimeMessage> mails) {
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private static void deliver(MimeMessage message) {
    TestSmtp.deliver(mail, message);
  }
}
