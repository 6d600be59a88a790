package io.github.securityrelease.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** R4 after acceptance through the API: {@code POST /api/v1/cases/{caseId}/rejection}. */
@OrchestratorIntegrationTest
class CaseRejectionIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;

  @Test
  @DisplayName("R4 R28 an accepted case rejected through the API ends REJECTED, its tasks with it; the reporter is told why")
  void rejected() throws Exception {
    String caseId = cases.readyToRecordCve(http, "R4 rejected after acceptance");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseId).count()).isPositive();

    ResponseEntity<String> answer = reject("demo-security", caseId,
        Map.of("reason", "DUPLICATE", "explanation", "The same leak as the one reported last week."));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    cases.runDueJobs(caseId);

    HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseId).processDefinitionKey("vulnerability-handling").singleResult();
    assertThat(ended.getEndTime()).as("the case has ended").isNotNull();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(ended.getId())
        .activityId("EndEvent_CaseRejected").finished().count()).isOne();
    assertThat(historic(ended, "status")).isEqualTo("REJECTED");
    assertThat(historic(ended, "rejection")).isEqualTo("DUPLICATE");
    assertThat(historic(ended, "rejectedBy")).isEqualTo("demo-security");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseId).count()).isZero();
    List<MimeMessage> told = TestSmtp.receivedBy(smtp, "ada@example.net").stream()
        .filter(mail -> TestSmtp.subject(mail).equals("[" + caseId + "] About your vulnerability report")).toList();
    assertThat(told).hasSize(1);
    assertThat(told.get(0).getContent().toString()).contains("duplicates a report",
        "The same leak as the one reported last week.");

    assertThat(reject("demo-security", caseId, Map.of("reason", "DUPLICATE", "explanation", "Again"))
        .getStatusCode()).as("an ended case has nothing left to reject").isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  @DisplayName("R4 R27 whoever may not decide the case's validation is refused with 403, and nothing changes: no history, job or variable")
  void refusedChangesNothing() {
    String caseId = cases.readyToRecordCve(http, "R4 rejection refused");
    String instance = cases.instance(caseId).getId();
    Map<String, Object> body = Map.of("reason", "NOT_A_VULNERABILITY", "explanation", "Works as designed.");
    Snapshot before = snapshot(instance);

    for (String user : List.of("demo-manager", "demo-maintainer", "demo-release", "demo-associate", "demo-operator")) {
      assertThat(reject(user, caseId, body).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }

    assertThat(snapshot(instance)).isEqualTo(before);
    assertThat(runtimeService.getVariable(instance, "status")).isEqualTo("REMEDIATION");
  }

  @Test
  @DisplayName("R4 an associate may reject a case they may lead (R24: marked low sensitivity)")
  void associateOfLowSensitivityCase() {
    String caseId = cases.readyToRecordCve(http, "R4 R24 rejected by an associate");
    runtimeService.setVariable(cases.instance(caseId).getId(), "lowSensitivity", true);

    assertThat(reject("demo-associate", caseId, Map.of("reason", "UPSTREAM", "explanation", "Report it to Go."))
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    cases.runDueJobs(caseId);
    assertThat(cases.instance(caseId)).isNull();
  }

  @Test
  @DisplayName("R4 409 before acceptance, once a distributor was told and once public; 404 for no case; 400 naming the field; none changes the case")
  void refusals() {
    Map<String, Object> body = Map.of("reason", "NOT_A_VULNERABILITY", "explanation", "Works as designed.");
    String reported = (String) TestCases.post(http, TestCases.report("R4 rejection before acceptance",
        "ada@example.net")).getBody().get("caseId");
    cases.runDueJobs(reported);
    assertThat(reject("demo-security", reported, body).getStatusCode()).as("validation rejects it")
        .isEqualTo(HttpStatus.CONFLICT);

    String told = cases.readyToRecordCve(http, "R4 rejection after the advance notice");
    String toldInstance = cases.instance(told).getId();
    runtimeService.setVariable(toldInstance, "advanceNoticeSentAt", new Date());
    Snapshot before = snapshot(toldInstance);
    ResponseEntity<String> afterNotice = reject("demo-security", told, body);
    assertThat(afterNotice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(afterNotice.getBody()).contains("distributors told");
    assertThat(snapshot(toldInstance)).isEqualTo(before);

    runtimeService.setVariable(toldInstance, "status", "PUBLIC_DISCLOSURE");
    assertThat(reject("demo-security", told, body).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(reject("demo-security", "SEC-1999-0001", body).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    String open = cases.readyToRecordCve(http, "R4 rejection with a bad body");
    ResponseEntity<String> noExplanation = reject("demo-security", open, Map.of("reason", "DUPLICATE"));
    assertThat(noExplanation.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noExplanation.getBody()).contains("explanation");
    Map<String, Object> badReason = new HashMap<>(body);
    badReason.put("reason", "NOT_INTERESTING");
    ResponseEntity<String> unknownReason = reject("demo-security", open, badReason);
    assertThat(unknownReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownReason.getBody()).contains("reason");
    assertThat(runtimeService.getVariable(cases.instance(open).getId(), "status")).isEqualTo("REMEDIATION");
  }

  /** What a refused request must leave as it was: the case's history, its jobs and its variables. */
  private record Snapshot(long activities, long details, List<String> jobs, Map<String, Object> variables) {}

  private Snapshot snapshot(String instance) {
    return new Snapshot(
        historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).count(),
        historyService.createHistoricDetailQuery().processInstanceId(instance).count(),
        managementService.createJobQuery().processInstanceId(instance).list().stream().map(Job::getId).sorted().toList(),
        runtimeService.getVariables(instance));
  }

  private Object historic(HistoricProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  private ResponseEntity<String> reject(String user, String caseId, Map<String, Object> body) {
    return http.withBasicAuth(user, user).postForEntity("/api/v1/cases/" + caseId + "/rejection", body, String.class);
  }
}
