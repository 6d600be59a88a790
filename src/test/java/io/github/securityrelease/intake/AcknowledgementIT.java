package io.github.securityrelease.intake;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.WebappSession;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** R2 end to end: receipt, acknowledgement and the deadline alert, over real SMTP. */
@OrchestratorIntegrationTest
class AcknowledgementIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @LocalServerPort int port;

  @Test
  @DisplayName("R2 the reporter gets a receipt with the case ID, then the handler's acknowledgement")
  void receiptThenAcknowledgement() throws Exception {
    String caseId = newCase("ada@example.net");
    cases.runDueJobs(caseId);

    MimeMessage receipt = single(mailsAbout(caseId));
    assertThat(receipt.getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.net");
    assertThat(receipt.getFrom()).extracting(Object::toString).containsExactly("security@kurator.example");
    assertThat(receipt.getSubject()).isEqualTo("[" + caseId + "] We received your vulnerability report");
    assertThat(GreenMailUtil.getBody(receipt)).contains(caseId, "Token leak", "2 business days");

    Task task = acknowledgeTask(caseId);
    assertThat(formOf(task)).contains("form-acknowledge-report");
    asSecurityTeam(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "demo-security"));
    ResponseEntity<String> submitted = asSecurityTeam(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/submit-form",
        Map.of("variables", Map.of("acknowledgementMessage",
            Map.of("value", "Thank you, Ada. We are reproducing it now.", "type", "String"))));
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    cases.runDueJobs(caseId);

    List<MimeMessage> mails = mailsAbout(caseId);
    assertThat(mails).hasSize(2);
    MimeMessage acknowledgement = mails.get(1);
    assertThat(acknowledgement.getSubject()).isEqualTo("[" + caseId + "] Your vulnerability report is acknowledged");
    assertThat(GreenMailUtil.getBody(acknowledgement)).contains("Thank you, Ada. We are reproducing it now.",
        "demo-security, for the security team");

    Task validate = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
    assertThat(validate.getTaskDefinitionKey()).isEqualTo("Task_ValidateReport");
    assertThat(formOf(validate)).contains("form-validate-report");

    assertThat(ledger(caseId)).extracting(row -> row.get("kind") + " " + row.get("status"))
        .containsExactly("REPORT_RECEIPT SENT", "ACKNOWLEDGEMENT SENT");
  }

  @Test
  @DisplayName("R2 when 2 business days pass unacknowledged every team member is alerted, once, and the task stays open")
  void deadlineAlert() throws Exception {
    String caseId = newCase("eve@example.net");
    cases.runDueJobs(caseId);
    Date dueBy = (Date) taskService.getVariable(acknowledgeTask(caseId).getId(), "acknowledgementDueBy");

    ClockUtil.setCurrentTime(Date.from(dueBy.toInstant().minus(1, ChronoUnit.MINUTES)));
    cases.runDueJobs(caseId);
    assertThat(mailsAbout(caseId)).as("nothing before the deadline").hasSize(1);

    ClockUtil.setCurrentTime(Date.from(dueBy.toInstant().plus(1, ChronoUnit.MINUTES)));
    cases.runDueJobs(caseId);
    List<MimeMessage> mails = mailsAbout(caseId);
    assertThat(mails).hasSize(2);
    MimeMessage alert = mails.get(1);
    assertThat(alert.getAllRecipients()).extracting(Object::toString).contains("demo-security@example.org");
    assertThat(alert.getSubject()).isEqualTo("[" + caseId + "] Acknowledgement overdue: the reporter is still waiting");
    assertThat(GreenMailUtil.getBody(alert)).contains(caseId, "Acknowledge report");
    assertThat(acknowledgeTask(caseId)).as("the task stays open").isNotNull();

    ClockUtil.setCurrentTime(Date.from(dueBy.toInstant().plus(3, ChronoUnit.DAYS)));
    cases.runDueJobs(caseId);
    assertThat(mailsAbout(caseId)).as("alerted once").hasSize(2);
    assertThat(ledger(caseId)).extracting(row -> row.get("kind"))
        .containsExactly("REPORT_RECEIPT", "ACKNOWLEDGEMENT_OVERDUE_ALERT");
  }

  @Test
  @DisplayName("a failed delivery is retried, becomes an incident, and goes out once when the server is back")
  void failedDeliveryBecomesIncident() throws Exception {
    smtp.stop();
    String caseId = newCase("mallory@example.net");
    Job job = receiptJob(caseId);
    for (int attempt = 0; attempt < 5; attempt++) {
      String id = job.getId();
      assertThatThrownBy(() -> managementService.executeJob(id)).isNotNull();
    }
    Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed.getRetries()).isZero();
    assertThat(managementService.createJobQuery().jobId(job.getId()).withException().count()).isEqualTo(1);
    assertThat(cases.instance(caseId).getId()).satisfies(id ->
        assertThat(managementService.createJobQuery().processInstanceId(id).noRetriesLeft().count()).isEqualTo(1));
    Map<String, Object> row = single(ledger(caseId));
    assertThat(row).containsEntry("status", "FAILED").containsEntry("attempts", 5);
    assertThat(http.withBasicAuth("demo-manager", "demo-manager").getForObject("/api/v1/cases/" + caseId, String.class))
        .as("managers see the incident").contains("\"incidents\":1");
    assertThat((String) row.get("lastError")).isNotBlank();
    assertThat(http.withBasicAuth("demo-manager", "demo-manager").getForObject("/actuator/health", String.class))
        .as("operators see the mail server down").contains("\"mail\":{\"status\":\"DOWN\"");
    assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
        .as("the node stays ready: its notices wait").isEqualTo(HttpStatus.OK);

    smtp.start();
    assertThat(http.withBasicAuth("demo-manager", "demo-manager").getForObject("/actuator/health", String.class))
        .contains("\"mail\":{\"status\":\"UP\"").startsWith("{\"status\":\"UP\"");
    // Cockpit's Retry on the incident: a manager may not, an operator may (and reads no detail of the case)
    String retry = "{\"retries\": 1}";
    WebappSession manager = WebappSession.login(port, "cockpit", "demo-manager", "demo-manager");
    assertThat(manager.engine("PUT", "/job/" + job.getId() + "/retries", retry).statusCode()).isEqualTo(403);
    assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
    WebappSession operator = WebappSession.login(port, "cockpit", "demo-operator", "demo-operator");
    assertThat(operator.engine("GET", "/process-instance/" + job.getProcessInstanceId() + "/variables", null).statusCode())
        .as("R27 the operator reads no variable of the case").isEqualTo(403);
    assertThat(operator.engine("PUT", "/job/" + job.getId() + "/retries", retry).statusCode()).isEqualTo(204);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count())
        .as("the incident is resolved").isZero();
    afterTheRetryInterval();
    cases.runDueJobs(caseId); // the job executor's turn
    cases.runDueJobs(caseId);
    assertThat(mailsAbout(caseId)).as("the receipt goes out once").hasSize(1);
    assertThat(single(ledger(caseId))).containsEntry("status", "SENT").containsEntry("attempts", 6);
  }

  @Test
  @DisplayName("R2 R3 with the mail server down the receipt holds up nothing: the team's task, its deadline and the public alert are there")
  void receiptHoldsUpNothing() throws Exception {
    smtp.stop();
    Map<String, Object> report = new java.util.HashMap<>(report("Already on a public tracker", "ada@example.net"));
    report.put("publiclyDisclosed", true);
    report.put("publicReference", "https://tracker.example/issues/1");
    String caseId = (String) post(http, report).getBody().get("caseId");
    String instance = cases.instance(caseId).getId();
    assertThatThrownBy(() -> managementService.executeJob(receiptJob(caseId).getId())).isNotNull();

    assertThat(acknowledgeTask(caseId)).as("the team's task is open").isNotNull();
    assertThat(managementService.createJobQuery().processInstanceId(instance).timers()
        .activityId("Timer_AcknowledgementOverdue").count()).as("the deadline timer runs").isEqualTo(1);
    Job alert = managementService.createJobQuery().processInstanceId(instance)
        .activityId("Task_AlertTeamPublicReport").singleResult();
    assertThatThrownBy(() -> managementService.executeJob(alert.getId())).isNotNull();
    assertThat(managementService.createJobQuery().jobId(alert.getId()).singleResult().getRetries())
        .as("the alert is retried").isEqualTo(4);
    assertThat(ledger(caseId)).extracting(row -> row.get("kind") + " " + row.get("status"))
        .containsExactlyInAnyOrder("REPORT_RECEIPT FAILED", "PUBLIC_REPORT_ALERT FAILED");

    smtp.start();
    afterTheRetryInterval();
    cases.runDueJobs(caseId);
    assertThat(ledger(caseId)).extracting(row -> row.get("kind") + " " + row.get("status"))
        .containsExactlyInAnyOrder("REPORT_RECEIPT SENT", "PUBLIC_REPORT_ALERT SENT");
  }

  /** A failed notice's job is due again 5 minutes after its failure (R5/PT5M). */
  private static void afterTheRetryInterval() {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(6, ChronoUnit.MINUTES)));
  }

  private Job receiptJob(String caseId) {
    return managementService.createJobQuery().processInstanceId(cases.instance(caseId).getId())
        .activityId("Task_SendReportReceipt").singleResult();
  }

  private String newCase(String reporter) {
    return (String) post(http, report("Token leak", reporter)).getBody().get("caseId");
  }

  private Task acknowledgeTask(String caseId) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey("Task_AcknowledgeReport").singleResult();
  }

  private String formOf(Task task) {
    ResponseEntity<String> form = asSecurityTeam(HttpMethod.GET, "/engine-rest/task/" + task.getId() + "/deployed-form", null);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    return form.getBody();
  }

  private ResponseEntity<String> asSecurityTeam(HttpMethod method, String path, Object body) {
    return http.withBasicAuth("demo-security", "demo-security")
        .exchange(path, method, body == null ? null : new HttpEntity<>(body), String.class);
  }

  private List<Map<String, Object>> ledger(String caseId) {
    return http.withBasicAuth("demo-security", "demo-security")
        .exchange("/api/v1/cases/" + caseId + "/notifications", HttpMethod.GET, null,
            new ParameterizedTypeReference<List<Map<String, Object>>>() {})
        .getBody();
  }

  /** What this class's reporters and the team's demo member got about the case (the team may have more members). */
  private List<MimeMessage> mailsAbout(String caseId) {
    return TestSmtp.receivedBy(smtp, "ada@example.net", "eve@example.net", "mallory@example.net", "demo-security@example.org")
        .stream().filter(mail -> subject(mail).contains(caseId)).toList();
  }

  private static String subject(Message mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }
}
