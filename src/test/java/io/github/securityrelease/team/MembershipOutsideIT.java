package io.github.securityrelease.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.notification.Notification;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.notification.NotificationLedger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Changes to the team's groups an admin makes through the engine REST API's identity
 * endpoints, as the Admin webapp does: on record under the person, the team told once, the
 * membership process started or ended.
 */
@OrchestratorIntegrationTest
class MembershipOutsideIT {

  private static final String CHANGED_OUTSIDE = "Security team membership changed outside the process: ";

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired NotificationLedger ledger;
  @Autowired SecurityTeam team;
  @Autowired MembersOnRecord membersOnRecord;

  @Test
  @DisplayName("R23 an admin adds a user to security-team through the engine REST API: every other member told once, the user watched")
  void addedByAdmin() {
    String person = user();

    ResponseEntity<String> added = as("demo-admin", HttpMethod.PUT, "/engine-rest/group/security-team/members/" + person);

    assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(isIn(person, "security-team")).isTrue();
    List<String> others = othersThan(person);
    cases.runDueJobs(person);
    cases.runDueJobs(person);
    String summary = "demo-admin added " + person + " to security-team";
    assertToldOnce(person, others, summary);
    assertThat(runtimeService.getActiveActivityIds(cases.instance(person).getId()))
        .as("in the member phase, watched for inactivity (R23)").containsExactly("Event_InactivityDue");
  }

  @Test
  @DisplayName("An admin removes a member through the engine REST API: every other member told once, the membership process ended")
  void removedByAdmin() {
    String admin = user();
    identityService.createMembership(admin, "camunda-admin");
    String member = user();
    identityService.createMembership(member, "security-team");
    membersOnRecord.putMembersOnRecord();
    String process = cases.instance(member).getId();
    List<String> others = othersThan(member);

    ResponseEntity<String> removed = as(admin, HttpMethod.DELETE, "/engine-rest/group/security-team/members/" + member);

    assertThat(removed.getStatusCode()).as(removed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(runtimeService.getActiveActivityIds(process)).as("nothing but the alert is left")
        .containsExactly("Task_AlertRemovedOutside");
    cases.runDueJobs(member);
    assertThat(cases.instance(member)).isNull();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process)
        .activityId("EndEvent_RemovedOutside").count()).isEqualTo(1);
    assertToldOnce(member, others, admin + " removed " + member + " from security-team");
  }

  @Test
  @DisplayName("An admin deletes a member's account: the membership process ended, the team told")
  void deletedByAdmin() {
    String member = user();
    identityService.createMembership(member, "security-team");
    membersOnRecord.putMembersOnRecord();
    String process = cases.instance(member).getId();
    List<String> others = othersThan(member);

    ResponseEntity<String> deleted = as("demo-admin", HttpMethod.DELETE, "/engine-rest/user/" + member);

    assertThat(deleted.getStatusCode()).as(deleted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    cases.runDueJobs(member);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(process).singleResult()
        .getEndTime()).isNotNull();
    assertToldOnce(member, others, "demo-admin deleted the user " + member + ", who was in security-team");
  }

  @Test
  @DisplayName("R21 the process's own group changes are no outside change: a nomination alerts nobody")
  void processChangesAreNotOutside() {
    String nominee = user();

    ResponseEntity<String> nominated = http.withBasicAuth("demo-maintainer", "demo-maintainer").postForEntity(
        "/api/v1/team/nominations", Map.of("userId", nominee, "reason", "Reviews fixes"), String.class);

    assertThat(nominated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    cases.runDueJobs(nominee);
    assertThat(ledger.findByCase(nominee)).extracting(Notification::kind)
        .containsExactly(NotificationKind.TEAM_ROTATION_WELCOME);
  }

  private void assertToldOnce(String person, List<String> others, String summary) {
    assertThat(others).as("someone to tell").isNotEmpty();
    List<Notification> rows = ledger.findByCase(person).stream()
        .filter(row -> row.kind() == NotificationKind.TEAM_MEMBERSHIP_CHANGED_OUTSIDE).toList();
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row.recipients()).containsExactlyInAnyOrderElementsOf(others);
      assertThat(row.subject()).isEqualTo(CHANGED_OUTSIDE + summary);
      assertThat(row.body()).contains(summary + ".", "Admins may do this to repair identities");
    });
    for (String recipient : others) {
      assertThat(TestSmtp.receivedBy(smtp, recipient).stream().map(TestSmtp::subject)
          .filter(subject -> subject.startsWith(CHANGED_OUTSIDE)))
          .as(recipient).containsExactly(CHANGED_OUTSIDE + summary);
    }
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(TestSmtp::subject)
        .filter(subject -> subject.startsWith(CHANGED_OUTSIDE))).hasSize(others.size());
  }

  private List<String> othersThan(String person) {
    return team.memberEmails().stream().filter(email -> !email.equals(person + "@example.org")).toList();
  }

  private ResponseEntity<String> as(String user, HttpMethod method, String path) {
    return http.withBasicAuth(user, user).exchange(path, method, HttpEntity.EMPTY, String.class);
  }

  private boolean isIn(String userId, String group) {
    return identityService.createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
  }

  private String user() {
    return TeamPeople.newUser(identityService);
  }
}
