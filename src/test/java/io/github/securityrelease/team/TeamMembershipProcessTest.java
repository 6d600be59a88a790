package io.github.securityrelease.team;

import static io.github.securityrelease.engine.ProcessTests.fire;
import static io.github.securityrelease.engine.ProcessTests.historicVariable;
import static io.github.securityrelease.engine.ProcessTests.timer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.github.securityrelease.DefaultConfiguration;
import io.github.securityrelease.engine.ProcessTests;
import io.github.securityrelease.security.EngineIdentity;
import io.github.securityrelease.security.ServiceStartOnly;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every path of team-membership.bpmn on a bare engine, with the real delegates against the
 * engine's own identity service and history (so that group changes and last activity are
 * real); only the mail is a mock that records what it was asked to send.
 */
@Deployment(resources = {
    "processes/team-membership.bpmn",
    "processes/forms/team-nominate.form",
    "processes/forms/team-review-rotation.form",
    "processes/forms/team-vote-on-removal.form"})
@ExtendWith(ProcessTests.class)
class TeamMembershipProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTests.engine();

  private static final String TEAM = "security-team";
  private static final String ASSOCIATES = "security-associates";
  private static final String NOMINEE = "nominee";
  private static final String MAINTAINER = "maintainer";
  private static final Instant START = Instant.parse("2026-01-15T10:00:00Z");

  private final List<String> sent = new ArrayList<>();
  private final List<String> changesTold = new ArrayList<>();
  private final List<String> users = new ArrayList<>();
  // the terms the service runs with when nothing is configured: the 3 and 2 months below are the policy's (R21, R23)
  private final TeamTerms terms = new TeamTerms(DefaultConfiguration.bind("security-release.team", TeamProperties.class));
  private Membership membership;
  private OutsideChanges outsideChanges;

  @BeforeEach
  void registerDelegates() {
    ClockUtil.setCurrentTime(Date.from(START));
    group(TEAM);
    group(ASSOCIATES);
    user(NOMINEE);
    user(MAINTAINER);
    EngineIdentity engineIdentity = new EngineIdentity(identityService());
    TeamGroups groups = new TeamGroups(identityService(), engineIdentity);
    membership = new Membership(runtimeService(), groups, engineIdentity);
    outsideChanges = new OutsideChanges(groups);
    Mocks.register("serviceStartOnly", new ServiceStartOnly(engineIdentity));
    Mocks.register("checkNomination", new CheckNomination(membership));
    Mocks.register("addToAssociates", new AddToAssociates(groups, terms));
    Mocks.register("checkRotationReview", new CheckRotationReview(engineIdentity));
    Mocks.register("makeMember", new MakeMember(groups));
    Mocks.register("removeFromTeam", new RemoveFromTeam(groups));
    Mocks.register("recordMembership", new RecordMembership());
    Mocks.register("checkActivity", new CheckActivity(historyService(), terms, engineIdentity));
    Mocks.register("openRemovalVote", new OpenRemovalVote(groups, terms));
    Mocks.register("recordRemovalVote", new RecordRemovalVote(engineIdentity));
    Mocks.register("tallyRemovalVotes", new TallyRemovalVotes());
    Mocks.register("notifyMembership", (JavaDelegate) execution -> {
      sent.add((String) execution.getVariableLocal("notice"));
      Object change = execution.getVariable("outsideChange");
      if (change != null) {
        changesTold.add(change + " -> " + execution.getVariable("membershipNow"));
      }
    });
  }

  @AfterEach
  void reset() {
    identityService().clearAuthentication();
    runtimeService().createProcessInstanceQuery().list()
        .forEach(pi -> runtimeService().deleteProcessInstance(pi.getId(), "test over"));
    // a user's activity stays in history: gone with the user, so that the next test starts afresh
    users.forEach(user -> historyService().createUserOperationLogQuery().userId(user).list()
        .forEach(entry -> historyService().deleteUserOperationLogEntry(entry.getId())));
    users.forEach(identityService()::deleteUser);
    identityService().deleteGroup(TEAM);
    identityService().deleteGroup(ASSOCIATES);
  }

  @Test
  @DisplayName("R21 a maintainer's nomination: the nominee is an associate for 3 months, then the team accepts them as a member")
  void rotationAccepted() {
    ProcessInstance pi = nominate();
    assertThat(isIn(NOMINEE, ASSOCIATES)).isTrue();
    assertThat(pi).variables().containsEntry("nominatedBy", MAINTAINER).containsEntry("memberId", NOMINEE);
    assertThat(pi.getBusinessKey()).isEqualTo(NOMINEE);
    execute(job("Task_WelcomeAssociate", pi));
    assertThat(sent).containsExactly("TEAM_ROTATION_WELCOME");

    Date rotationEnds = months(START, 3);
    assertThat(timer("Event_RotationServed").getDuedate()).isEqualTo(rotationEnds);
    fire("Event_RotationServed", rotationEnds);
    Task review = task("Task_ReviewRotation", pi);
    assertThat(review).hasCandidateGroup(TEAM);

    complete(review, withVariables("rotationDecision", "ACCEPT"));
    assertThat(isIn(NOMINEE, TEAM)).isTrue();
    assertThat(isIn(NOMINEE, ASSOCIATES)).isFalse();
    execute(job("Task_TellAccepted", pi));
    assertThat(sent).containsExactly("TEAM_ROTATION_WELCOME", "TEAM_ROTATION_OUTCOME");
    assertThat(pi).isWaitingAt("Event_InactivityDue").hasPassed("Task_CheckActivity");
    assertThat(timer("Event_InactivityDue").getDuedate()).as("R23 2 months after the membership began")
        .isEqualTo(months(ClockUtil.now().toInstant(), 2));
  }

  @Test
  @DisplayName("R21 a rejected rotation: out of the associates, told why; a rejection without a reason is refused")
  void rotationRejected() {
    ProcessInstance pi = nominate();
    execute(job("Task_WelcomeAssociate", pi));
    fire("Event_RotationServed", months(START, 3));

    Task review = task("Task_ReviewRotation", pi);
    assertThatThrownBy(() -> complete(review, withVariables("rotationDecision", "REJECT")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("rotationDecisionReason: ");
    assertThatThrownBy(() -> complete(review, withVariables("rotationDecision", "MAYBE")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("rotationDecision: must be");
    assertThat(pi).isWaitingAt("Task_ReviewRotation");

    complete(review, withVariables("rotationDecision", "REJECT", "rotationDecisionReason", "Not enough time"));
    assertThat(isIn(NOMINEE, ASSOCIATES)).isFalse();
    assertThat(isIn(NOMINEE, TEAM)).isFalse();
    execute(job("Task_TellRejected", pi));
    assertThat(pi).isEnded().hasPassed("EndEvent_RotationRejected");
    assertThat(sent).endsWith("TEAM_ROTATION_OUTCOME");
  }

  @Test
  @DisplayName("R21 no nomination of an unknown user, a member, an associate or someone with a membership running")
  void nominationRefused() {
    user("member-a", TEAM);
    user("associate-a", ASSOCIATES);
    assertThatThrownBy(() -> nominate("nobody-here")).hasMessageContaining("memberId: nobody-here is no user");
    assertThatThrownBy(() -> nominate("member-a")).hasMessageContaining("memberId: member-a is a member");
    assertThatThrownBy(() -> nominate("associate-a")).hasMessageContaining("memberId: associate-a is an associate");
    assertThatThrownBy(() -> nominate("not an id")).hasMessageContaining("memberId: must be a user id");
    nominate();
    identityService().deleteMembership(NOMINEE, ASSOCIATES);
    assertThatThrownBy(() -> nominate(NOMINEE)).hasMessageContaining("has a membership process running");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isEqualTo(1);
  }

  @Test
  @DisplayName("R22 an associate steps down during the rotation: out of the groups at once, the process ends")
  void associateStepsDown() {
    ProcessInstance pi = nominate();
    execute(job("Task_WelcomeAssociate", pi));

    membership.stepDown(NOMINEE);

    assertThat(isIn(NOMINEE, ASSOCIATES)).isFalse();
    assertThat(pi).isEnded().hasPassed("Task_StepDown", "EndEvent_SteppedDown");
    assertThat(pi).variables().containsEntry("steppedDownBy", NOMINEE);
    assertThat(jobQuery().count()).as("no timer left").isZero();
  }

  @Test
  @DisplayName("R22 a member steps down during a removal vote: out of the team, the votes gone")
  void memberStepsDownDuringVote() {
    user("member-a", TEAM);
    user("member-b", TEAM);
    ProcessInstance pi = onRecord("member-a");
    flag(pi);
    assertThat(votes(pi)).hasSize(1);

    membership.stepDown("member-a");

    assertThat(isIn("member-a", TEAM)).isFalse();
    assertThat(pi).isEnded().hasPassed("EndEvent_SteppedDown").hasNotPassed("Task_TallyRemovalVotes");
    assertThat(taskQuery().count()).isZero();
  }

  @Test
  @DisplayName("R23 a member active within 2 months is not flagged: the timer moves to 2 months after their last task")
  void activeMemberWatchedOn() {
    user("member-a", TEAM);
    ProcessInstance pi = onRecord("member-a");
    Date firstDue = months(START, 2);
    assertThat(timer("Event_InactivityDue").getDuedate()).isEqualTo(firstDue);

    Instant worked = START.plus(Period.ofDays(40));
    ClockUtil.setCurrentTime(Date.from(worked));
    workATask("member-a");
    fire("Event_InactivityDue", firstDue);

    assertThat(pi).isWaitingAt("Event_InactivityDue").hasNotPassed("Task_OpenRemovalVote");
    assertThat(pi).variables().containsEntry("lastActivityAt", Date.from(worked)).containsEntry("inactive", false);
    assertThat(timer("Event_InactivityDue").getDuedate()).isEqualTo(months(worked, 2));
  }

  @ParameterizedTest(name = "R23 {0} of {1} voters for removal ({2} votes cast) -> {3}; exactly two thirds remove, one short keeps")
  @CsvSource({
      "2, 3, 3, REMOVED",
      "1, 3, 3, KEPT",
      "4, 6, 4, REMOVED",
      "3, 6, 5, KEPT"})
  @DisplayName("R23 exactly two thirds of the members remove an inactive member, one vote short keeps them")
  void removalVote(int forRemoval, int electorate, int cast, String outcome) {
    user("member-x", TEAM);
    for (int i = 1; i <= electorate; i++) {
      user("voter-" + i, TEAM);
    }
    ProcessInstance pi = onRecord("member-x");
    flag(pi);
    assertThat(sent).containsExactly("TEAM_REMOVAL_VOTE");
    List<Task> votes = votes(pi);
    assertThat(votes).hasSize(electorate);
    assertThat(pi).variables().containsEntry("electorate", electorate);

    for (int i = 1; i <= cast; i++) {
      String voter = "voter-" + i;
      Task vote = voteOf(pi, voter);
      assertThat(taskService().getIdentityLinksForTask(vote.getId()))
          .as("a vote is personal: one candidate user, no group")
          .singleElement().satisfies(link -> assertThat(link.getUserId()).isEqualTo(voter));
      complete(vote, withVariables("removalVote", i <= forRemoval ? "REMOVE" : "KEEP"));
    }
    if (cast < electorate) {
      assertThat(pi).isWaitingAt("Task_VoteOnRemoval");
      fire("Timer_VotePeriodOver", (Date) runtimeService().getVariable(pi.getId(), "voteEndsAt"));
    }

    assertThat(pi).hasPassed("Task_TallyRemovalVotes");
    assertThat(historicVariable(pi, "removalOutcome")).isEqualTo(outcome);
    if ("REMOVED".equals(outcome)) {
      assertThat(pi).isEnded().hasPassed("Task_RemoveMember", "EndEvent_MemberRemoved");
      assertThat(isIn("member-x", TEAM)).isFalse();
    } else {
      assertThat(isIn("member-x", TEAM)).isTrue();
      assertThat(pi).isWaitingAt("Event_InactivityDue");
      assertThat(timer("Event_InactivityDue").getDuedate()).as("a fresh inactivity period from the vote's end")
          .isEqualTo(months(ClockUtil.now().toInstant(), 2));
    }
  }

  @Test
  @DisplayName("R23 a vote is its voter's own: nobody else casts it, and it says REMOVE or KEEP")
  void votePersonal() {
    user("member-x", TEAM);
    user("voter-1", TEAM);
    ProcessInstance pi = onRecord("member-x");
    flag(pi);
    Task vote = voteOf(pi, "voter-1");

    identityService().setAuthentication(new Authentication("member-x", List.of(TEAM)));
    assertThatThrownBy(() -> taskService().complete(vote.getId(), withVariables("removalVote", "KEEP")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("removalVote: this vote is voter-1's to cast");
    identityService().setAuthentication(new Authentication("voter-1", List.of(TEAM)));
    assertThatThrownBy(() -> taskService().complete(vote.getId(), withVariables("removalVote", "MAYBE")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("removalVote: must be");
    assertThat(pi).isWaitingAt("Task_VoteOnRemoval");
  }

  @Test
  @DisplayName("R23 an inactive member with no other member to vote stays, and the record says why")
  void noElectorate() {
    user("member-a", TEAM);
    ProcessInstance pi = onRecord("member-a");

    fire("Event_InactivityDue", months(START, 2));

    assertThat(pi).hasPassed("Task_OpenRemovalVote", "Task_TallyRemovalVotes").hasNotPassed("Task_VoteOnRemoval");
    assertThat(pi).variables().containsEntry("removalOutcome", "KEPT_NO_ELECTORATE").containsEntry("electorate", 0);
    assertThat(pi).isWaitingAt("Event_InactivityDue");
    assertThat(isIn("member-a", TEAM)).isTrue();
    assertThat(sent).isEmpty();
  }

  @Test
  @DisplayName("R23 someone an admin adds to security-team outside the process: the team is told, and they are watched for inactivity")
  void addedToTeamOutside() {
    user("outsider");

    byAdmin(new CreateMembershipCmd("outsider", TEAM));

    ProcessInstance pi = membership.running("outsider").orElseThrow();
    assertThat(pi.getBusinessKey()).isEqualTo("outsider");
    execute(job("Task_AlertChangedOutside", pi));
    assertThat(changesTold).containsExactly("admin added outsider to security-team -> MEMBER");
    assertThat(pi).isWaitingAt("Event_InactivityDue").hasPassed("Gateway_MemberPhase", "Task_CheckActivity");
    assertThat(pi).variables().containsEntry("memberSince", Date.from(START)).containsEntry("outsideChangedBy", "admin");
    assertThat(timer("Event_InactivityDue").getDuedate()).isEqualTo(months(START, 2));
  }

  @Test
  @DisplayName("R21 someone an admin adds to the associates outside the process: the team is told, the rotation counts from now")
  void addedToAssociatesOutside() {
    user("outsider");

    byAdmin(new CreateMembershipCmd("outsider", ASSOCIATES));

    ProcessInstance pi = membership.running("outsider").orElseThrow();
    execute(job("Task_AlertChangedOutside", pi));
    assertThat(changesTold).containsExactly("admin added outsider to security-associates -> ASSOCIATE");
    execute(job("Task_WelcomeAssociate", pi));
    assertThat(pi).isWaitingAt("Event_RotationServed").hasPassed("Task_AddToAssociates");
    assertThat(timer("Event_RotationServed").getDuedate()).isEqualTo(months(START, 3));
    assertThat(isIn("outsider", ASSOCIATES)).isTrue();
  }

  @Test
  @DisplayName("A member with no membership process deleted by an admin: the team is told, and nothing else runs")
  void deletedWithoutProcess() {
    user("member-a", TEAM, ASSOCIATES);

    byAdmin(new DeleteUserCmd("member-a"));

    ProcessInstance pi = membership.running("member-a").orElseThrow();
    execute(job("Task_AlertChangedOutside", pi));
    assertThat(changesTold)
        .containsExactly("admin deleted the user member-a, who was in security-associates and security-team -> NONE");
    assertThat(pi).isEnded().hasPassed("EndEvent_ChangeOnRecord");
  }

  @Test
  @DisplayName("A member an admin removes during a removal vote: the process ends at once, no vote is counted, the team is told")
  void removedOutsideDuringVote() {
    user("member-a", TEAM);
    user("member-b", TEAM);
    ProcessInstance pi = onRecord("member-a");
    flag(pi);

    byAdmin(new DeleteMembershipCmd("member-a", TEAM));

    assertThat(taskQuery().count()).as("the votes are gone at once").isZero();
    assertThat(jobQuery().timers().count()).isZero();
    execute(job("Task_AlertRemovedOutside", pi));
    assertThat(pi).isEnded().hasPassed("EndEvent_RemovedOutside").hasNotPassed("Task_TallyRemovalVotes");
    assertThat(changesTold).containsExactly("admin removed member-a from security-team -> NONE");
  }

  @Test
  @DisplayName("Two changes to an associate in rotation before the alerts go out: each told with its own facts, the rotation goes on")
  void changedOutsideDuringRotation() {
    ProcessInstance pi = nominate();
    execute(job("Task_WelcomeAssociate", pi));

    byAdmin(new CreateMembershipCmd(NOMINEE, TEAM));
    byAdmin(new DeleteMembershipCmd(NOMINEE, TEAM));

    jobQuery().activityId("Task_AlertChangedOutsideRunning").list().forEach(BpmnAwareTests::execute);
    assertThat(changesTold).containsExactlyInAnyOrder("admin added nominee to security-team -> MEMBER",
        "admin removed nominee from security-team -> ASSOCIATE");
    assertThat(pi).isWaitingAt("Event_RotationServed").hasPassed("EndEvent_ChangedOutsideRunning");
  }

  @Test
  @DisplayName("Only a change to security-team or security-associates that changes something is an outside change")
  void whatCounts() {
    user("member-a", TEAM);
    user("other");

    assertThat(outsideChanges.of(new DeleteMembershipCmd("other", TEAM), "admin")).isEmpty();
    assertThat(outsideChanges.of(new CreateMembershipCmd("member-a", TEAM), "admin")).isEmpty();
    assertThat(outsideChanges.of(new CreateMembershipCmd("other", "managers"), "admin")).isEmpty();
    assertThat(outsideChanges.of(new DeleteUserCmd("other"), "admin")).isEmpty();
    assertThat(outsideChanges.of(new DeleteGroupCmd("managers"), "admin")).isEmpty();
    assertThat(outsideChanges.of(new DeleteGroupCmd(TEAM), "admin")).extracting(OutsideChange::summary)
        .containsExactly("admin deleted the group security-team, and with it the membership of member-a");
  }

  @Test
  @DisplayName("Nobody but the service starts a membership at a message start event: neither on record nor changed outside")
  void messageStartsAreTheServices() {
    user("member-a", TEAM);
    identityService().setAuthentication(new Authentication("member-b", List.of(TEAM)));

    for (String message : List.of("MemberOnRecord", "MembershipChangedOutside")) {
      assertThatThrownBy(() -> runtimeService().createMessageCorrelation(message).processInstanceBusinessKey("member-a")
          .setVariable("memberId", "member-a").setVariable("membershipNow", "MEMBER").correlateStartMessage())
          .isInstanceOf(AuthorizationException.class).hasMessageContaining("the service alone starts here");
    }
    identityService().clearAuthentication();
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  /** An admin's identity command as OutsideChangesPlugin sees it: read before, run, handed to the process. */
  private void byAdmin(Command<?> command) {
    List<OutsideChange> changes = outsideChanges.of(command, "admin");
    ((ProcessEngineConfigurationImpl) BpmnAwareTests.processEngine().getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(command);
    changes.forEach(membership::changedOutside);
  }

  private ProcessInstance nominate() {
    return nominate(NOMINEE);
  }

  private ProcessInstance nominate(String userId) {
    identityService().setAuthentication(new Authentication(MAINTAINER, List.of("sig-maintainers")));
    try {
      return membership.nominate(userId, "Fixed three security bugs");
    } finally {
      identityService().clearAuthentication();
    }
  }

  private ProcessInstance onRecord(String memberId) {
    membership.putOnRecord(memberId);
    ProcessInstance pi = membership.running(memberId).orElseThrow();
    assertThat(pi).isWaitingAt("Event_InactivityDue").hasPassed("StartEvent_MemberOnRecord");
    return pi;
  }

  /** Two months without activity: the vote opens, and its announcement goes out. */
  private void flag(ProcessInstance pi) {
    fire("Event_InactivityDue", months(START, 2));
    assertThat(pi).hasPassed("Task_OpenRemovalVote").variables().containsEntry("inactive", true);
    execute(job("Task_AnnounceRemovalVote", pi));
    assertThat(pi).isWaitingAt("Task_VoteOnRemoval");
  }

  private static List<Task> votes(ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_VoteOnRemoval").list();
  }

  private static Task voteOf(ProcessInstance pi, String voter) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_VoteOnRemoval").taskCandidateUser(voter)
        .singleResult();
  }

  /** A task of some case, claimed and completed by {@code userId}: activity on record. */
  private static void workATask(String userId) {
    Task work = taskService().newTask();
    work.setName("Some case work");
    taskService().saveTask(work);
    identityService().setAuthentication(new Authentication(userId, List.of(TEAM)));
    try {
      taskService().claim(work.getId(), userId);
      taskService().complete(work.getId());
    } finally {
      identityService().clearAuthentication();
    }
    historyService().deleteHistoricTaskInstance(work.getId());
  }

  private static Date months(Instant from, int months) {
    return Date.from(from.atZone(ZoneOffset.UTC).plusMonths(months).toInstant());
  }

  private static boolean isIn(String userId, String group) {
    return identityService().createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
  }

  private void user(String id, String... groups) {
    User user = identityService().newUser(id);
    identityService().saveUser(user);
    users.add(id);
    for (String group : groups) {
      identityService().createMembership(id, group);
    }
  }

  private static void group(String id) {
    Group group = identityService().newGroup(id);
    identityService().saveGroup(group);
  }
}
