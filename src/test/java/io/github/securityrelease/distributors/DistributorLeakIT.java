package io.github.securityrelease.distributors;

import static io.github.securityrelease.TestCases.assertCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestDistributors;
import io.github.securityrelease.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R26 embargo leaks through the API: on record, the team alerted, a repeated leak brings the
 * distributor's removal before the team; a removed distributor gets nothing more, not even
 * the notices of a case planned before its removal.
 */
@OrchestratorIntegrationTest
class DistributorLeakIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired DistributorRegistry registry;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName("R14 R26 two leaks remove a distributor, which then gets no advance notice of a case planned before")
  void repeatedLeaksRemove() {
    String leakyDomain = domain("leaky");
    String keptDomain = domain("kept");
    long leaky = distributor("Distro Leaky " + System.nanoTime(), leakyDomain);
    distributor("Distro Kept " + System.nanoTime(), keptDomain);
    String caseId = cases.readyToPlan(http, "Leak case");
    Instant disclosure = Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES);
    assertCompleted(plan(caseId, disclosure));

    ResponseEntity<Map> first = leak(leaky, caseId);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(first.getBody()).containsEntry("distributorId", (int) leaky).containsEntry("caseId", caseId)
        .containsEntry("reportedBy", "demo-security");
    runJobs(leaky);
    assertThat(decideRemoval(leaky)).as("R26 a first leak alone starts no removal").isZero();
    org.camunda.bpm.engine.task.Task assess = taskService.createTaskQuery().processInstanceBusinessKey(caseId)
        .taskDefinitionKey("Task_AssessEmbargoBreak").singleResult();
    assertThat(assess).as("R15 the leak of a case under embargo is its embargo break too").isNotNull();
    assertThat((String) taskService.getVariable(assess.getId(), "breachedBy")).startsWith("Distro Leaky ");
    assertThat((String) taskService.getVariable(assess.getId(), "breachDescription"))
        .contains("The advance notice text", "A public mailing list");
    assertThat(teamAlerts()).as("the team is alerted at once").hasSize(1);

    assertThat(leak(leaky, caseId).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    runJobs(leaky);
    assertThat(decideRemoval(leaky)).as("R26 repeated: the removal comes before the team").isEqualTo(1);
    assertThat(teamAlerts()).as("each leak alerts the team").hasSize(2);
    assertThat(GreenMailUtil.getBody(teamAlerts().get(1))).contains("Decide removal", "The advance notice text");
    assertThat(team().postForEntity("/api/v1/distributors/" + leaky + "/removal-proposals", Map.of("reason", "Again"),
        Map.class).getStatusCode()).as("one removal decision at a time").isEqualTo(HttpStatus.CONFLICT);
    assertThat(leaks(leaky)).hasSize(2);

    String key = "distributor-" + leaky;
    assertThat(taskService.getVariable(task(key).getId(), "leaks").toString()).contains("The advance notice text", caseId);
    assertCompleted(cases.submit(http, "demo-security", key, "Task_DecideRemoval",
        Map.of("removalOutcome", "REMOVE", "removalDecisionReason", "Two embargo leaks in one case")));
    runJobs(leaky);

    Distributor removed = registry.find(leaky).orElseThrow();
    assertThat(removed.active()).isFalse();
    assertThat(removed.removedAt()).isNotNull();
    assertThat(removed.removalReason()).isEqualTo("Two embargo leaks in one case");
    MimeMessage removal = single(mailsTo(leakyDomain));
    assertThat(TestSmtp.subject(removal)).contains("removed from the private distributors list");
    assertThat(GreenMailUtil.getBody(removal)).contains("Two embargo leaks in one case");
    assertThat(leak(leaky, caseId).getStatusCode()).as("a removed distributor's record is closed").isEqualTo(HttpStatus.CONFLICT);
    assertThat(leaks(leaky)).as("its leaks stay on record").hasSize(2);

    ClockUtil.setCurrentTime(Date.from(disclosure.minus(Duration.ofDays(7)).plusSeconds(60)));
    cases.runDueJobs(caseId);
    assertThat(mailsTo(keptDomain)).extracting(TestSmtp::subject)
        .containsExactly("[EMBARGOED] " + TestCases.cveId(caseId) + ": Leak case");
    assertThat(mailsTo(leakyDomain)).as("R26 nothing more after the removal").hasSize(1);
    assertThat(jdbc.sql("select recipients from notification where case_id = :caseId and kind = 'ADVANCE_NOTICE'")
        .param("caseId", caseId).query(String.class).list()).as("one notice a distributor, none to the removed one")
        .anyMatch(recipients -> recipients.contains(keptDomain))
        .noneMatch(recipients -> recipients.contains(leakyDomain));
  }

  @Test
  @DisplayName("two leak reports at their longest still bring the removal before the team, the list abridged")
  void longLeakReports() {
    long id = distributor("Distro Verbose " + System.nanoTime(), domain("verbose"));
    Map<String, Object> longest = new HashMap<>(Map.of("whatLeaked", "w".repeat(4000), "leakedTo", "t".repeat(2000),
        "stepsTaken", "s".repeat(4000)));
    assertThat(post("/api/v1/distributors/" + id + "/leaks", longest).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(post("/api/v1/distributors/" + id + "/leaks", longest).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    runJobs(id);
    String leaks = (String) taskService.getVariable(task("distributor-" + id).getId(), "leaks");
    assertThat(leaks).hasSizeLessThanOrEqualTo(4000).endsWith("every leak: GET /api/v1/distributors/" + id + "/leaks");
    assertThat(leaks(id)).as("each report on record whole").hasSize(2)
        .allSatisfy(leak -> assertThat((String) leak.get("whatLeaked")).hasSize(4000));
  }

  @Test
  @DisplayName("R26 a distributor that no longer meets the criteria: a proposal with a reason, the team keeps it")
  void removalProposedKept() {
    long id = distributor("Distro Proposed " + System.nanoTime(), domain("proposed"));
    ResponseEntity<Map> noReason = team().postForEntity("/api/v1/distributors/" + id + "/removal-proposals",
        Map.of("reason", " "), Map.class);
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().toString()).contains("reason");

    ResponseEntity<Map> proposed = team().postForEntity("/api/v1/distributors/" + id + "/removal-proposals",
        Map.of("reason", "The security alias bounces"), Map.class);
    assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String key = "distributor-" + id;
    assertThat(taskService.getVariable(task(key).getId(), "removalReason")).isEqualTo("The security alias bounces");
    assertCompleted(cases.submit(http, "demo-security", key, "Task_DecideRemoval",
        Map.of("removalOutcome", "KEEP", "removalDecisionReason", "The alias works again")));

    assertThat(registry.find(id).orElseThrow().active()).isTrue();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
  }

  @Test
  @DisplayName("R26 a leak report names what leaked, to whom and the steps taken: 400 per field, 404 for no distributor")
  void badLeakReports() {
    long id = distributor("Distro Bad Leak " + System.nanoTime(), domain("badleak"));
    Map<String, Object> noSteps = new HashMap<>(leakReport(null));
    noSteps.remove("stepsTaken");
    assertBadField(post("/api/v1/distributors/" + id + "/leaks", noSteps), "stepsTaken");
    Map<String, Object> badCase = new HashMap<>(leakReport("not-a-case"));
    assertBadField(post("/api/v1/distributors/" + id + "/leaks", badCase), "caseId");
    assertBadField(post("/api/v1/distributors/" + id + "/leaks", leakReport("SEC-2026-999999")), "caseId");
    Map<String, Object> tooLong = new HashMap<>(leakReport(null));
    tooLong.put("whatLeaked", "x".repeat(4001));
    assertBadField(post("/api/v1/distributors/" + id + "/leaks", tooLong), "whatLeaked");
    assertThat(post("/api/v1/distributors/999999/leaks", leakReport(null)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(team().getForEntity("/api/v1/distributors/999999/leaks", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(leaks(id)).isEmpty();
  }

  @ParameterizedTest(name = "R27 leaks are the security team''s to report and read: {0} {1} by {2} -> {3}")
  @CsvSource({
      "POST, leaks, demo-associate, 403", "GET, leaks, demo-associate, 403", "POST, removal-proposals, demo-associate, 403",
      "POST, leaks, demo-manager, 403", "GET, leaks, demo-admin, 403", "POST, removal-proposals, demo-release, 403",
      "POST, leaks, none, 401", "GET, leaks, none, 401"})
  void onlyTheSecurityTeam(String method, String path, String user, int expected) {
    long id = distributor("Distro Guarded " + System.nanoTime(), domain("guarded"));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate as = "none".equals(user) ? http : http.withBasicAuth(user, user);
    Object body = "leaks".equals(path) ? leakReport(null) : Map.of("reason", "x");
    ResponseEntity<String> answer = as.exchange("/api/v1/distributors/" + id + "/" + path, HttpMethod.valueOf(method),
        new HttpEntity<>("GET".equals(method) ? null : body, headers), String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(expected);
    assertThat(leaks(id)).isEmpty();
  }

  private ResponseEntity<Map> leak(long distributorId, String caseId) {
    return post("/api/v1/distributors/" + distributorId + "/leaks", leakReport(caseId));
  }

  private static Map<String, Object> leakReport(String caseId) {
    Map<String, Object> report = new HashMap<>(Map.of("whatLeaked", "The advance notice text",
        "leakedTo", "A public mailing list", "stepsTaken", "The post is withdrawn; the team member retrained"));
    if (caseId != null) {
      report.put("caseId", caseId);
    }
    return report;
  }

  private ResponseEntity<Map> post(String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return team().postForEntity(path, new HttpEntity<>(body, headers), Map.class);
  }

  private List<Map<String, Object>> leaks(long distributorId) {
    return team().exchange("/api/v1/distributors/" + distributorId + "/leaks", HttpMethod.GET, null,
        new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
  }

  private ResponseEntity<String> plan(String caseId, Instant disclosure) {
    String at = OffsetDateTime.ofInstant(disclosure, ZoneOffset.ofHours(1)).toString();
    return cases.submit(http, "demo-security", caseId, "Task_PlanDisclosure", Map.of(
        "publicDisclosureAt", at, "releaseAt", at, "publicMessaging", "A fix ships today",
        "distributorContent", "PR https://github.com/example/private/pull/1",
        "releaseBranches", Map.of("value", "[\"release-0.6\"]", "type", "Json"), "advanceNoticeDays", 7));
  }

  private long distributor(String organisation, String domain) {
    return TestDistributors.imported(http, organisation, "security@" + domain);
  }

  /** Every due job of the distributor's leak and removal processes. */
  private void runJobs(long distributorId) {
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey("distributor-" + distributorId).list()) {
      managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()
          .forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private long decideRemoval(long distributorId) {
    return taskService.createTaskQuery().processInstanceBusinessKey("distributor-" + distributorId)
        .taskDefinitionKey("Task_DecideRemoval").count();
  }

  private org.camunda.bpm.engine.task.Task task(String businessKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey("Task_DecideRemoval").singleResult();
  }

  private List<MimeMessage> teamAlerts() {
    return TestSmtp.receivedBy(smtp, "demo-security@example.org").stream()
        .filter(mail -> TestSmtp.subject(mail).contains("Embargo leak reported"))
        .toList();
  }

  private void assertBadField(ResponseEntity<Map> refused, String field) {
    assertThat(refused.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.getBody().toString()).contains("field=" + field);
  }

  private TestRestTemplate team() {
    return http.withBasicAuth("demo-security", "demo-security");
  }

  private List<MimeMessage> mailsTo(String domain) {
    return Arrays.asList(smtp.getReceivedMessagesForDomain(domain));
  }

  private static String domain(String name) {
    return name + System.nanoTime() + ".example";
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }
}
