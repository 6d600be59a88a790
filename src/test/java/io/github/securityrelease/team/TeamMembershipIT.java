package io.github.securityrelease.team;

import static io.github.securityrelease.TestCases.assertCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Security team membership through the API, Tasklist's engine REST API and the identity service. */
@OrchestratorIntegrationTest
class TeamMembershipIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired MembersOnRecord membersOnRecord;

  @Test
  @DisplayName("R21 a maintainer nominates through the API: an associate at once, reviewed after 3 months, accepted into the team")
  void nominationToMembership() {
    String nominee = user();
    ResponseEntity<Map> nominated = nominate("demo-maintainer", Map.of("userId", nominee, "reason", "Fixed CVE-2026-1"));

    assertThat(nominated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(nominated.getBody()).containsEntry("userId", nominee);
    assertThat(isIn(nominee, "security-associates")).isTrue();
    ProcessInstance membership = cases.instance(nominee);
    assertThat(runtimeService.getVariable(membership.getId(), "nominatedBy")).isEqualTo("demo-maintainer");
    cases.runDueJobs(nominee);
    assertThat(mailTo(nominee)).containsExactly("Welcome to the security team's associate rotation");

    Date associateSince = (Date) runtimeService.getVariable(membership.getId(), "associateSince");
    Date rotationEnds = (Date) runtimeService.getVariable(membership.getId(), "rotationEndsAt");
    assertThat(rotationEnds.toInstant())
        .isEqualTo(associateSince.toInstant().atZone(ZoneOffset.UTC).plusMonths(3).toInstant());
    fireTimer(nominee, rotationEnds);
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(nominee).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewRotation");
    assertThat(taskService.getIdentityLinksForTask(review.getId())).anyMatch(link -> "security-team".equals(link.getGroupId()));

    assertCompleted(cases.submit(http, "demo-security", nominee, "Task_ReviewRotation",
        Map.of("rotationDecision", "ACCEPT")));
    assertThat(isIn(nominee, "security-team")).isTrue();
    assertThat(isIn(nominee, "security-associates")).isFalse();
    assertThat(mailTo(nominee)).contains("Your associate rotation: welcome to the security team");
    assertThat(cases.instance(nominee)).as("watched for inactivity now (R23)").isNotNull();
  }

  @Test
  @DisplayName("R21 a maintainer nominates with the start form in Tasklist; a bad nominee is refused naming the field")
  void nominationByStartForm() {
    String nominee = user();
    TestRestTemplate maintainer = http.withBasicAuth("demo-maintainer", "demo-maintainer");
    assertThat(maintainer.getForEntity("/engine-rest/process-definition/key/team-membership/deployed-start-form",
        String.class).getBody()).contains("\"memberId\"", "\"nominationReason\"");

    ResponseEntity<String> refused = maintainer.postForEntity(
        "/engine-rest/process-definition/key/team-membership/submit-form",
        Map.of("variables", Map.of("memberId", Map.of("value", "demo-security"),
            "nominationReason", Map.of("value", "x"))), String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("memberId: demo-security is a member of the security team already");

    ResponseEntity<String> started = maintainer.postForEntity(
        "/engine-rest/process-definition/key/team-membership/submit-form",
        Map.of("variables", Map.of("memberId", Map.of("value", nominee),
            "nominationReason", Map.of("value", "Reviews every security fix"))), String.class);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(cases.instance(nominee)).isNotNull();
    assertThat(runtimeService.getVariable(cases.instance(nominee).getId(), "nominatedBy")).isEqualTo("demo-maintainer");
    assertThat(isIn(nominee, "security-associates")).isTrue();
  }

  @Test
  @DisplayName("a rejection needs its reason: refused with 400 naming the field, the task stays open")
  void rejectionNeedsReason() {
    String nominee = user();
    nominate("demo-security", Map.of("userId", nominee, "reason", "Helps with audits"));
    cases.runDueJobs(nominee);
    fireTimer(nominee, (Date) runtimeService.getVariable(cases.instance(nominee).getId(), "rotationEndsAt"));

    ResponseEntity<String> refused = cases.submit(http, "demo-security", nominee, "Task_ReviewRotation",
        Map.of("rotationDecision", "REJECT"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("rotationDecisionReason: ");

    assertCompleted(cases.submit(http, "demo-security", nominee, "Task_ReviewRotation",
        Map.of("rotationDecision", "REJECT", "rotationDecisionReason", "Not active enough yet")));
    assertThat(isIn(nominee, "security-associates")).isFalse();
    assertThat(cases.instance(nominee)).isNull();
  }

  @Test
  @DisplayName("R22 a member steps down through the API: out of the team in the same request, the process ended")
  void stepDown() {
    String member = member();
    membersOnRecord.putMembersOnRecord();
    assertThat(cases.instance(member)).isNotNull();

    ResponseEntity<String> stepped = http.withBasicAuth(member, member).postForEntity(
        "/api/v1/team/members/" + member + "/step-down", null, String.class);

    assertThat(stepped.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(isIn(member, "security-team")).isFalse();
    assertThat(cases.instance(member)).isNull();
    assertThat(historyService.createHistoricActivityInstanceQuery().activityId("EndEvent_SteppedDown")
        .processInstanceId(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(member)
            .singleResult().getId()).count()).isEqualTo(1);
    ResponseEntity<String> again = http.withBasicAuth(member, member).postForEntity(
        "/api/v1/team/members/" + member + "/step-down", null, String.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @ParameterizedTest(name = "R23 {0} cannot step down a member for them: 403 problem+json, and nothing changes")
  @ValueSource(strings = {"demo-security", "demo-associate", "demo-maintainer", "demo-admin"})
  void stepDownForAnotherRefused(String caller) {
    String member = member();
    membersOnRecord.putMembersOnRecord();
    String process = cases.instance(member).getId();

    ResponseEntity<String> refused = http.withBasicAuth(caller, caller).postForEntity(
        "/api/v1/team/members/" + member + "/step-down", null, String.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(refused.getBody()).contains("removing another member is the team's vote (R23)");
    assertThat(isIn(member, "security-team")).isTrue();
    assertThat(cases.instance(member).getId()).as("the same process, not ended").isEqualTo(process);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process)
        .activityId("StartEvent_StepDown").count()).as("no message correlated").isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(process)
        .variableName("steppedDownBy").count()).isZero();
    assertThat(historyService.createUserOperationLogQuery().processInstanceId(process).count())
        .as("no operation on record").isZero();
  }

  @Test
  @DisplayName("R23 a member cannot correlate StepDown for another through the engine REST API: 403, nothing changes")
  void stepDownMessageForAnotherRefused() {
    String member = member();
    membersOnRecord.putMembersOnRecord();
    String process = cases.instance(member).getId();

    ResponseEntity<String> refused = http.withBasicAuth("demo-security", "demo-security").postForEntity(
        "/engine-rest/message", Map.of("messageName", "StepDown", "businessKey", member, "all", true), String.class);

    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(isIn(member, "security-team")).isTrue();
    assertThat(cases.instance(member).getId()).isEqualTo(process);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process)
        .activityId("StartEvent_StepDown").count()).isZero();
  }

  @ParameterizedTest(name = "R23 a member cannot start a membership at the message start {0} through the engine REST API")
  @ValueSource(strings = {"MemberOnRecord", "MembershipChangedOutside"})
  void messageStartRefused(String message) {
    String associate = user();
    identityService.createMembership(associate, "security-associates");

    ResponseEntity<String> refused = http.withBasicAuth("demo-security", "demo-security").postForEntity(
        "/engine-rest/message", Map.of("messageName", message, "businessKey", associate, "processVariables",
            Map.of("memberId", Map.of("value", associate), "membershipNow", Map.of("value", "MEMBER"))), String.class);

    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(cases.instance(associate)).isNull();
  }

  @Test
  @DisplayName("R23 members on record at start-up are watched too, once each however often the service starts")
  void membersOnRecord() {
    String member = member();
    membersOnRecord.putMembersOnRecord();
    membersOnRecord.putMembersOnRecord();

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("team-membership")
        .processInstanceBusinessKey(member).count()).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("team-membership")
        .processInstanceBusinessKey("demo-security").count()).as("the demo account, from the start").isEqualTo(1);
  }

  @ParameterizedTest(name = "R23 exactly two thirds of the other members remove an inactive member ({0}), one vote short keeps them")
  @ValueSource(booleans = {true, false})
  void removalVote(boolean twoThirds) {
    String member = member();
    member();
    member();
    membersOnRecord.putMembersOnRecord();
    ProcessInstance membership = cases.instance(member);
    fireTimer(member, (Date) runtimeService.getVariable(membership.getId(), "inactivityDueAt"));

    @SuppressWarnings("unchecked")
    List<String> voters = (List<String>) runtimeService.getVariable(membership.getId(), "voters");
    assertThat(voters).contains("demo-security").doesNotContain(member).hasSizeGreaterThanOrEqualTo(3);
    assertThat(mailTo(member)).anyMatch(subject -> subject.startsWith("Removal vote on " + member));
    List<Task> votes = taskService.createTaskQuery().processInstanceId(membership.getId()).list();
    assertThat(votes).hasSize(voters.size());
    int needed = (2 * voters.size() + 2) / 3;
    int forRemoval = twoThirds ? needed : needed - 1;
    for (int i = 0; i < voters.size(); i++) {
      if (i < forRemoval) {
        vote(membership, voters.get(i), "REMOVE");
      } else if (!twoThirds) {
        vote(membership, voters.get(i), "KEEP");
      }
    }
    if (twoThirds && forRemoval < voters.size()) {
      fireTimer(member, (Date) runtimeService.getVariable(membership.getId(), "voteEndsAt"));
    }

    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(membership.getId())
        .variableName("removalOutcome").singleResult().getValue()).isEqualTo(twoThirds ? "REMOVED" : "KEPT");
    assertThat(isIn(member, "security-team")).isEqualTo(!twoThirds);
  }

  @Test
  @DisplayName("R23 a vote is personal: another member cannot see or cast it")
  void votePersonal() {
    String member = member();
    String voter = member();
    membersOnRecord.putMembersOnRecord();
    ProcessInstance membership = cases.instance(member);
    fireTimer(member, (Date) runtimeService.getVariable(membership.getId(), "inactivityDueAt"));
    Task vote = taskService.createTaskQuery().processInstanceId(membership.getId()).taskCandidateUser(voter)
        .singleResult();

    ResponseEntity<String> seen = http.withBasicAuth("demo-security", "demo-security")
        .getForEntity("/engine-rest/task/" + vote.getId(), String.class);
    assertThat(seen.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> own = http.withBasicAuth(voter, voter)
        .getForEntity("/engine-rest/task?processInstanceId=" + membership.getId(), String.class);
    assertThat(own.getBody()).contains(vote.getId());
  }

  @ParameterizedTest(name = "a nomination with a bad {0} gets 400 problem+json naming the field")
  @ValueSource(strings = {"userId", "reason"})
  @SuppressWarnings("unchecked")
  void badNomination(String field) {
    Map<String, Object> body = new HashMap<>(Map.of("userId", "someone", "reason", "Good work"));
    body.put(field, field.equals("userId") ? "not an id" : " ");

    ResponseEntity<Map> answer = nominate("demo-maintainer", body);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat((List<Map<String, Object>>) answer.getBody().get("errors"))
        .extracting(error -> error.get("field")).containsExactly(field);
  }

  @Test
  @DisplayName("R21 unknown users 404, members and associates 409, and only maintainers and the team nominate (403)")
  void nominationRefused() {
    assertThat(nominate("demo-maintainer", Map.of("userId", "nobody-at-all", "reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(nominate("demo-maintainer", Map.of("userId", "demo-security", "reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(nominate("demo-maintainer", Map.of("userId", "demo-associate", "reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    String nominee = user();
    assertThat(nominate("demo-release", Map.of("userId", nominee, "reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(nominate("demo-associate", Map.of("userId", nominee, "reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(isIn(nominee, "security-associates")).isFalse();
  }

  private ResponseEntity<Map> nominate(String as, Map<String, ?> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(as, as).exchange("/api/v1/team/nominations", HttpMethod.POST,
        new HttpEntity<>(body, headers), Map.class);
  }

  /** The voter's own vote, claimed and submitted through the engine REST API as Tasklist does. */
  private void vote(ProcessInstance membership, String voter, String vote) {
    Task task = taskService.createTaskQuery().processInstanceId(membership.getId()).taskCandidateUser(voter)
        .singleResult();
    TestRestTemplate as = http.withBasicAuth(voter, voter);
    assertThat(as.getForEntity("/engine-rest/task/" + task.getId() + "/deployed-form", String.class).getBody())
        .contains("\"removalVote\"");
    as.postForEntity("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", voter), String.class);
    ResponseEntity<String> submitted = as.postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
        Map.of("variables", Map.of("removalVote", Map.of("value", vote))), String.class);
    assertCompleted(submitted);
    cases.runDueJobs(membership.getBusinessKey());
  }

  private void fireTimer(String businessKey, Date at) {
    ClockUtil.setCurrentTime(new Date(at.getTime() + 60_000));
    Job timer = managementService.createJobQuery().processInstanceId(cases.instance(businessKey).getId()).timers()
        .singleResult();
    managementService.executeJob(timer.getId());
    cases.runDueJobs(businessKey);
  }

  private List<String> mailTo(String userId) {
    return TestSmtp.receivedBy(smtp, userId + "@example.org").stream().map(TestSmtp::subject).toList();
  }

  private boolean isIn(String userId, String group) {
    return identityService.createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
  }

  private String user() {
    return TeamPeople.newUser(identityService);
  }

  private String member() {
    String id = user();
    identityService.createMembership(id, "security-team");
    return id;
  }
}
