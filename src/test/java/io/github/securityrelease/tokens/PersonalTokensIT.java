package io.github.securityrelease.tokens;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.security.Groups;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
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
import org.springframework.http.ResponseEntity;

/** Personal API tokens through the real endpoints: created, used within scopes and the owner's rights, revoked. */
@OrchestratorIntegrationTest
class PersonalTokensIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  @DisplayName("a token is shown once, listed with its last use but never its secret, and revoked by its owner")
  void createListRevoke() {
    ResponseEntity<Map> created = create("demo-maintainer", Map.of("name", "nightly", "scopes", List.of("read"), "days", 30));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String secret = (String) created.getBody().get("token");
    assertThat(secret).startsWith("sro_");
    assertThat(created.getBody()).containsEntry("scopes", List.of("read"));
    long id = ((Number) created.getBody().get("id")).longValue();

    assertThat(as(secret, HttpMethod.GET, "/engine-rest/process-definition").getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> listed = http.withBasicAuth("demo-maintainer", "demo-maintainer")
        .getForEntity("/api/v1/tokens", String.class);
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(listed.getBody()).contains("\"nightly\"", "\"lastUsedOn\":\"", "\"lastUsedFrom\":\"127.0.0.1\"")
        .doesNotContain(secret, TokenSecret.hash(secret), "\"token\"");
    assertThat(http.withBasicAuth("demo-release", "demo-release").getForEntity("/api/v1/tokens", String.class)
        .getBody()).as("another's list").doesNotContain("\"nightly\"");

    assertThat(http.withBasicAuth("demo-release", "demo-release")
        .exchange("/api/v1/tokens/" + id, HttpMethod.DELETE, null, String.class).getStatusCode())
        .as("another user's token is not theirs to revoke").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth("demo-maintainer", "demo-maintainer")
        .exchange("/api/v1/tokens/" + id, HttpMethod.DELETE, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<String> revoked = as(secret, HttpMethod.GET, "/engine-rest/process-definition");
    assertThat(revoked.getStatusCode()).as("revoked").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(revoked.getBody()).doesNotContain(secret);
    assertThat(http.withBasicAuth("demo-maintainer", "demo-maintainer").getForEntity("/api/v1/tokens", String.class)
        .getBody()).contains("\"revokedBy\":\"demo-maintainer\"");
  }

  @Test
  @DisplayName("the security team lists everyone's tokens and revokes any; the audit log, theirs alone, has creation, use once a day, revocation")
  void teamListsRevokesAndAudits() {
    String secret = secret("demo-release", "release bot", List.of("read"));
    as(secret, HttpMethod.GET, "/engine-rest/process-definition");
    as(secret, HttpMethod.GET, "/engine-rest/task");
    TestRestTemplate team = http.withBasicAuth("demo-security", "demo-security");
    assertThat(http.withBasicAuth("demo-release", "demo-release").getForEntity("/api/v1/tokens?all=true", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    List<Map<String, Object>> all = team.exchange("/api/v1/tokens?all=true", HttpMethod.GET, null,
        LIST).getBody();
    Map<String, Object> listed = all.stream().filter(token -> "release bot".equals(token.get("name"))).findFirst()
        .orElseThrow();
    assertThat(listed).containsEntry("owner", "demo-release");
    long id = ((Number) listed.get("id")).longValue();
    assertThat(team.exchange("/api/v1/tokens/" + id, HttpMethod.DELETE, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(as(secret, HttpMethod.GET, "/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<List<Map<String, Object>>> audit = team.exchange("/api/v1/audit", HttpMethod.GET, null,
        LIST);
    List<String> events = audit.getBody().stream()
        .filter(event -> String.valueOf(event.get("subject")).startsWith("token " + id + " "))
        .map(event -> event.get("action") + " " + event.get("actor")).toList();
    assertThat(events).containsExactly("TOKEN_REVOKED demo-security", "TOKEN_USED demo-release",
        "TOKEN_CREATED demo-release");
    assertThat(audit.toString()).doesNotContain(secret);
    assertThat(http.withBasicAuth("demo-manager", "demo-manager").getForEntity("/api/v1/audit", String.class)
        .getStatusCode()).as("managers read no one's").isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  @DisplayName("a read token reads but a POST with it is refused and changes nothing; no token creates tokens")
  void readScope() {
    String caseId = acknowledging("Token read scope");
    String secret = secret("demo-security", "reader", List.of("read"));
    assertThat(as(secret, HttpMethod.GET, "/api/v1/cases/" + caseId).getStatusCode()).isEqualTo(HttpStatus.OK);
    Task task = task(caseId);
    taskService.claim(task.getId(), "demo-security");

    ResponseEntity<String> refused = as(secret, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete",
        Map.of());
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(task(caseId).getId()).as("the task waits as it was").isEqualTo(task.getId());
    assertThat(as(secret, HttpMethod.POST, "/api/v1/tokens",
        Map.of("name", "child", "scopes", List.of("read"), "days", 1)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(secret, HttpMethod.GET, "/api/v1/tokens").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  @DisplayName("a work token completes its owner's own task, not another's")
  void workScope() {
    User other = identityService.newUser("token-team-other");
    other.setPassword("token-team-other");
    identityService.saveUser(other);
    identityService.createMembership("token-team-other", Groups.SECURITY_TEAM);
    try {
      workOwnTaskOnly();
    } finally {
      identityService.deleteUser("token-team-other"); // the team's size counts elsewhere (R23's votes)
    }
  }

  private void workOwnTaskOnly() {
    String secret = secret("demo-security", "worker", List.of("read", "work"));

    String theirs = acknowledging("Token work scope, theirs");
    Task theirTask = task(theirs);
    taskService.claim(theirTask.getId(), "token-team-other");
    assertThat(as(secret, HttpMethod.POST, "/engine-rest/task/" + theirTask.getId() + "/complete", Map.of())
        .getStatusCode()).as("another's task").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(task(theirs).getId()).isEqualTo(theirTask.getId());

    String mine = acknowledging("Token work scope, mine");
    Task myTask = task(mine);
    taskService.claim(myTask.getId(), "demo-security");
    ResponseEntity<String> done = as(secret, HttpMethod.POST, "/engine-rest/task/" + myTask.getId() + "/submit-form",
        Map.of("variables", Map.of("acknowledgementMessage", Map.of("value", "Thank you, we are on it."))));
    TestCases.assertCompleted(done);
    assertThat(taskService.createTaskQuery().taskId(myTask.getId()).count()).isZero();
  }

  @Test
  @DisplayName("a token is refused what its owner may not do, and the engine sees its owner")
  void withinTheOwnersRights() {
    String caseId = acknowledging("Token owner's rights");
    String associate = secret("demo-associate", "associate reader", List.of("read"));
    assertThat(as(associate, HttpMethod.GET, "/api/v1/cases/" + caseId).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(associate, HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + caseId).getBody())
        .as("the engine filters by the owner's rights").isEqualTo("[]");
    String manager = secret("demo-manager", "manager reader", List.of("read"));
    String instanceId = cases.instance(caseId).getId();
    assertThat(as(manager, HttpMethod.GET, "/engine-rest/process-instance/" + instanceId + "/variables")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    String team = secret("demo-security", "team reader", List.of("read"));
    assertThat(as(team, HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + caseId).getBody())
        .contains("\"id\"");
  }

  @Test
  @DisplayName("an expired token is refused")
  void expiry() {
    String secret = secret("demo-maintainer", "short-lived", List.of("read"));
    assertThat(as(secret, HttpMethod.GET, "/engine-rest/process-definition").getStatusCode()).isEqualTo(HttpStatus.OK);
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(31))));
    assertThat(as(secret, HttpMethod.GET, "/engine-rest/process-definition").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @DisplayName("a bad scope or an expiry beyond a year is a 400 naming the field; an unknown token is a 401")
  void badRequests() {
    ResponseEntity<Map> scope = create("demo-maintainer", Map.of("name", "x", "scopes", List.of("admin"), "days", 1));
    assertThat(scope.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(scope.getBody().get("errors").toString()).contains("field=scopes");
    ResponseEntity<Map> days = create("demo-maintainer", Map.of("name", "x", "scopes", List.of("read"), "days", 400));
    assertThat(days.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(days.getBody().get("errors").toString()).contains("field=days");
    assertThat(as(TokenSecret.generate(), HttpMethod.GET, "/engine-rest/task").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private String secret(String owner, String name, List<String> scopes) {
    ResponseEntity<Map> created = create(owner, Map.of("name", name, "scopes", scopes, "days", 30));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) created.getBody().get("token");
  }

  private ResponseEntity<Map> create(String owner, Map<String, Object> body) {
    return http.withBasicAuth(owner, owner).postForEntity("/api/v1/tokens", body, Map.class);
  }

  private ResponseEntity<String> as(String secret, HttpMethod method, String path) {
    return as(secret, method, path, null);
  }

  private ResponseEntity<String> as(String secret, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(secret);
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  /** A new case, waiting for the team's acknowledgement. */
  private String acknowledging(String title) {
    String caseId = (String) post(http, report(title, "ada@example.net")).getBody().get("caseId");
    cases.runDueJobs(caseId);
    return caseId;
  }

  private Task task(String caseId) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("Task_AcknowledgeReport")
        .singleResult();
  }
}
