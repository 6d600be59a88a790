package io.github.securityrelease.assessment;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Cases walked through CONFIRMING and REMEDIATION as the team does it: each task completed
 * through the engine REST API that Tasklist uses, as the user of its candidate group, with
 * the variables its form submits; mail to a real SMTP server.
 */
@OrchestratorIntegrationTest
class ConfirmingAndRemediationIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;
  @Autowired TestCases cases;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  @Test
  @DisplayName("R4 R5 R6 R7 R10 R12 R13 R28 an accepted case from validation to the disclosure plan, the reporter told of the acceptance")
  void acceptedCase() {
    String caseId = acknowledgedCase(false);

    ResponseEntity<String> badVector = submit("demo-security", caseId, "Task_ValidateReport", Map.of(
        "validationOutcome", "ACCEPTED", "cvssVector", "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "affectedVersions", "v0.6.0"));
    assertThat(badVector.getStatusCode()).as("R5 an invalid vector is a validation error").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badVector.getBody()).contains("cvssVector", "AV");
    ResponseEntity<String> noReason = submit("demo-security", caseId, "Task_ValidateReport", Map.of(
        "validationOutcome", "ACCEPTED", "cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
        "affectedVersions", "v0.6.0", "severityOverride", "CRITICAL"));
    assertThat(noReason.getStatusCode()).as("R6 an override needs its reason").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody()).contains("severityOverrideReason");
    assertThat(task(caseId)).as("the task stays open").extracting(Task::getTaskDefinitionKey).isEqualTo("Task_ValidateReport");

    assertCompleted(submit("demo-security", caseId, "Task_ValidateReport", Map.of(
        "validationOutcome", "ACCEPTED", "cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
        "affectedVersions", "v0.5.0 - v0.6.0", "affectedComponents", "fleet-manager",
        "severityOverride", "CRITICAL", "severityOverrideReason", "Every default install is exposed")));
    Map<String, Object> variables = variables(caseId);
    assertThat(variables)
        .containsEntry("status", "REMEDIATION")
        .containsEntry("cvssVersion", "3.1")
        .containsEntry("cvssScore", 7.5)
        .containsEntry("computedSeverity", "HIGH")
        .containsEntry("severity", "CRITICAL")
        .containsEntry("severityOverridden", true)
        .containsEntry("severityOverrideReason", "Every default install is exposed")
        .containsEntry("releaseType", "OUT_OF_BAND")
        .containsEntry("fixVisibility", "PRIVATE")
        .containsEntry("mayDefer", false);

    assertThat(http.withBasicAuth("demo-maintainer", "demo-maintainer")
        .getForObject("/engine-rest/task?processInstanceBusinessKey=" + caseId, String.class))
        .as("the SIG maintainers see their task").contains("Develop remediation");
    assertThat(submit("demo-maintainer", caseId, "Task_DevelopRemediation", Map.of(
        "fixPullRequests", "https://github.com/example/private/pull/1", "fixInPublic", true)).getStatusCode())
        .as("R10 a fix of a High or Critical case stays private").isEqualTo(HttpStatus.BAD_REQUEST);
    assertCompleted(submit("demo-maintainer", caseId, "Task_DevelopRemediation", Map.of(
        "fixPullRequests", "https://github.com/example/private/pull/1")));
    assertThat(submit("demo-security", caseId, "Task_ReviewRemediation", Map.of("remediationApproved", false))
        .getStatusCode()).as("a fix sent back says why").isEqualTo(HttpStatus.BAD_REQUEST);
    assertCompleted(submit("demo-security", caseId, "Task_ReviewRemediation",
        Map.of("remediationApproved", false, "reviewComments", "Add a regression test")));
    assertCompleted(submit("demo-maintainer", caseId, "Task_DevelopRemediation", Map.of(
        "fixPullRequests", "https://github.com/example/private/pull/1", "mitigations", "Set log level to warn")));
    assertCompleted(submit("demo-security", caseId, "Task_ReviewRemediation", Map.of("remediationApproved", true)));
    assertThat(variables(caseId)).as("R7 the remediation priority, proposed from the severity, on record")
        .containsEntry("remediationPriority", "URGENT");

    assertCompleted(submit("demo-security", caseId, "Task_DescribeImpact",
        Map.of("impactDescription", "A cluster's kubeconfig token leaks to anyone who reads the logs.")));
    assertCompleted(submit("demo-security", caseId, "Task_LaunchCveProcedure",
        Map.of("cveRequestReference", "https://cveform.example/request/42")));
    ResponseEntity<String> badCve = submit("demo-security", caseId, "Task_RecordCve", Map.of("cveId", "CVE-26-1"));
    assertThat(badCve.getStatusCode()).as("R12 the CVE format").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badCve.getBody()).contains("cveId");
    assertCompleted(submit("demo-security", caseId, "Task_RecordCve", Map.of("cveId", TestCases.cveId(caseId))));

    assertThat(task(caseId).getTaskDefinitionKey()).isEqualTo("Task_PlanDisclosure");
    assertThat(variables(caseId)).containsEntry("cveId", TestCases.cveId(caseId));
    assertThat(mailsAbout(caseId)).extracting(TestSmtp::subject)
        .containsExactly("[" + caseId + "] We received your vulnerability report",
            "[" + caseId + "] Your vulnerability report is acknowledged",
            "[" + caseId + "] Your report is accepted as a vulnerability");
  }

  @Test
  @DisplayName("R4 a report that belongs upstream: the reporter is sent there and the case ends REJECTED")
  void rejectedUpstream() throws Exception {
    String caseId = acknowledgedCase(false);
    assertThat(submit("demo-security", caseId, "Task_ValidateReport", Map.of("validationOutcome", "UPSTREAM"))
        .getStatusCode()).as("a rejection needs its reason").isEqualTo(HttpStatus.BAD_REQUEST);
    assertCompleted(submit("demo-security", caseId, "Task_ValidateReport", Map.of("validationOutcome", "UPSTREAM",
        "rejectionReason", "This is a bug of fluxcd: please report it to https://fluxcd.io/security/")));
    cases.runDueJobs(caseId);

    assertThat(cases.instance(caseId)).as("the case ended").isNull();
    String state = http.withBasicAuth("demo-security", "demo-security").getForObject("/api/v1/cases/" + caseId, String.class);
    assertThat(state).contains("\"status\":\"REJECTED\"", "\"ended\":true");
    MimeMessage rejection = mailsAbout(caseId).get(2);
    assertThat(rejection.getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.net");
    assertThat(GreenMailUtil.getBody(rejection)).contains("upstream project", "report it to that project",
        "https://fluxcd.io/security/").doesNotContain("duplicates");
  }

  @Test
  @DisplayName("R3 a public report alerts every team member at once; a refusal puts the case on the fast track")
  void publicReportFastTracked() {
    String caseId = acknowledgedCase(true);
    MimeMessage alert = mailsAbout(caseId).stream()
        .filter(mail -> TestSmtp.subject(mail).contains("URGENT")).findFirst().orElseThrow();
    assertThat(Arrays.stream(TestSmtp.recipients(alert))).contains("demo-security@example.org");
    assertThat(GreenMailUtil.getBody(alert)).contains("https://github.com/example/issues/1");

    assertCompleted(submit("demo-security", caseId, "Task_AskReporterForPrivateHandling",
        Map.of("reporterAgreesPrivate", false, "reporterAnswer", "Already on my blog, not taking it down.")));
    assertCompleted(submit("demo-security", caseId, "Task_ValidateReport", Map.of(
        "validationOutcome", "ACCEPTED", "cvssVector", "CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N",
        "affectedVersions", "v0.6.0")));
    assertThat(variables(caseId))
        .containsEntry("fastTrack", true)
        .containsEntry("severity", "LOW")
        .containsEntry("releaseType", "OUT_OF_BAND")
        .containsEntry("fixVisibility", "SEMI_PUBLIC_ALLOWED");
  }

  @Test
  @DisplayName("Tasklist shows a refused submission as a 400 naming the field, not as a server error")
  void tasklistShowsRefusal() throws Exception {
    String caseId = acknowledgedCase(false);
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult().getId();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://localhost:" + port;
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
        BodyHandlers.discarding());
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", xsrf(browser))
        .POST(BodyPublishers.ofString("username=demo-security&password=demo-security")).build(), BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    // as Tasklist does before it submits: load the task's form, which renews the CSRF token
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/task/" + taskId + "/form"))
        .build(), BodyHandlers.discarding());
    HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form"))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", xsrf(browser))
        .POST(BodyPublishers.ofString("""
            {"variables": {"validationOutcome": {"value": "ACCEPTED"},
                           "cvssVector": {"value": "CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"},
                           "affectedVersions": {"value": "v0.6.0"}}}""")).build(), BodyHandlers.ofString());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("cvssVector: AV is given more than once").doesNotContain("ENGINE-03051");
  }

  @Test
  @DisplayName("R11 R5 a CVSS 4.0 vector with E:U: the case is rated and tracked by the score of the whole vector, stored canonical")
  void wholeVectorDecidesTheTrack() {
    String caseId = acknowledgedCase(false);

    assertCompleted(submit("demo-security", caseId, "Task_ValidateReport", Map.of(
        "validationOutcome", "ACCEPTED",
        "cvssVector", "CVSS:4.0/E:U/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/u:clear",
        "affectedVersions", "v0.6.0")));
    assertThat(variables(caseId))
        .containsEntry("cvssVector", "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U/U:Clear")
        .containsEntry("cvssVersion", "4.0")
        .containsEntry("cvssScore", 6.3)
        .containsEntry("cvssBaseScore", 8.7)
        .containsEntry("computedSeverity", "MEDIUM")
        .containsEntry("severity", "MEDIUM")
        .containsEntry("releaseType", "NEXT_PATCH");
  }

  private static String xsrf(HttpClient browser) {
    return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
        .reduce((first, last) -> last).orElseThrow();
  }

  /** A new case, receipt sent and acknowledged: it waits in "Validate report". */
  private String acknowledgedCase(boolean publiclyDisclosed) {
    Map<String, Object> body = new HashMap<>(report("Token leak in controller logs", "ada@example.net"));
    if (publiclyDisclosed) {
      body.put("publiclyDisclosed", true);
      body.put("publicReference", "https://github.com/example/issues/1");
    }
    String caseId = (String) post(http, body).getBody().get("caseId");
    cases.runDueJobs(caseId);
    assertCompleted(submit("demo-security", caseId, "Task_AcknowledgeReport",
        Map.of("acknowledgementMessage", "Thank you: we are reproducing it.")));
    cases.runDueJobs(caseId);
    return caseId;
  }

  private ResponseEntity<String> submit(String user, String caseId, String taskKey, Map<String, Object> values) {
    return cases.submit(http, user, caseId, taskKey, values);
  }

  private static void assertCompleted(ResponseEntity<String> response) {
    TestCases.assertCompleted(response);
  }

  private Task task(String caseId) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
  }

  private Map<String, Object> variables(String caseId) {
    return runtimeService.getVariables(cases.instance(caseId).getId());
  }

  private List<MimeMessage> mailsAbout(String caseId) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> TestSmtp.subject(mail).contains(caseId)).toList();
  }


}
