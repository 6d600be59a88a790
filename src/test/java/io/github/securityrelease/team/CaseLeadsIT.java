package io.github.securityrelease.team;

import static io.github.securityrelease.TestCases.assertCompleted;
import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * R24, R27 as an associate meets them in Tasklist (through the engine REST API it uses): the
 * tasks of a case reported as public, or marked low sensitivity at validation, are theirs to
 * claim and work; an embargoed case's are not even visible.
 */
@OrchestratorIntegrationTest
class CaseLeadsIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;

  @Test
  @DisplayName("R24 an associate leads a case reported as public: sees, claims and completes its tasks")
  void associateLeadsPublicCase() throws Exception {
    String caseId = reported(true);
    assertThat(visibleTasks("demo-associate", caseId)).contains("Task_AcknowledgeReport");
    assertCompleted(cases.submit(http, "demo-associate", caseId, "Task_AcknowledgeReport",
        Map.of("acknowledgementMessage", "Thank you: an associate of the security team is on it.")));
    assertThat(visibleTasks("demo-associate", caseId)).contains("Task_ValidateReport");
  }

  @Test
  @DisplayName("R24 R27 an embargoed case stays with the security team until it is marked low sensitivity")
  void lowSensitivityOpensCaseToAssociates() throws Exception {
    String caseId = reported(false);
    assertThat(visibleTasks("demo-associate", caseId)).as("R27 embargoed: not even visible").isEmpty();
    assertThat(http.withBasicAuth("demo-associate", "demo-associate")
        .getForEntity("/api/v1/cases/" + caseId, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertCompleted(cases.submit(http, "demo-security", caseId, "Task_AcknowledgeReport",
        Map.of("acknowledgementMessage", "Thank you: we are reproducing it.")));
    assertThat(visibleTasks("demo-associate", caseId)).isEmpty();

    ResponseEntity<String> notBoolean = cases.submit(http, "demo-security", caseId, "Task_ValidateReport", Map.of(
        "validationOutcome", "ACCEPTED", "cvssVector", "CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N",
        "affectedVersions", "v0.6.0", "lowSensitivity", "yes"));
    assertThat(notBoolean.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notBoolean.getBody()).contains("lowSensitivity");

    assertCompleted(cases.submit(http, "demo-security", caseId, "Task_ValidateReport", Map.of(
        "validationOutcome", "ACCEPTED", "cvssVector", "CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N",
        "affectedVersions", "v0.6.0", "lowSensitivity", true)));
    assertThat(visibleTasks("demo-associate", caseId)).as("the fix stays with the SIG maintainers")
        .containsExactly("Task_DescribeImpact");
    assertCompleted(cases.submit(http, "demo-associate", caseId, "Task_DescribeImpact",
        Map.of("impactDescription", "An admin can read one log line more than before.")));
  }

  /** A new case with its receipt sent: it waits in "Acknowledge report". */
  private String reported(boolean publiclyDisclosed) {
    Map<String, Object> body = new HashMap<>(report("Log line shows a pod name", "ada@example.net"));
    if (publiclyDisclosed) {
      body.put("publiclyDisclosed", true);
      body.put("publicReference", "https://github.com/example/issues/2");
    }
    String caseId = (String) post(http, body).getBody().get("caseId");
    cases.runDueJobs(caseId);
    return caseId;
  }

  /** The task keys of the case that {@code user} sees, as Tasklist asks for them. */
  private List<String> visibleTasks(String user, String caseId) throws Exception {
    ResponseEntity<String> response = http.withBasicAuth(user, user)
        .getForEntity("/engine-rest/task?processInstanceBusinessKey=" + caseId, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> keys = new ArrayList<>();
    for (JsonNode task : new ObjectMapper().readTree(response.getBody())) {
      keys.add(task.get("taskDefinitionKey").asText());
    }
    return keys;
  }
}
