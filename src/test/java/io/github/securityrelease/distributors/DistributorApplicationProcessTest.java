package io.github.securityrelease.distributors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.github.securityrelease.engine.ProcessTests;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of distributor-application.bpmn on a bare engine: joining the list (R25) and
 * leaving it (R26). Delegates are mocks that record what they were asked to do.
 */
@Deployment(resources = {
    "processes/distributor-application.bpmn",
    "processes/forms/record-distributor-application.form",
    "processes/forms/review-application.form",
    "processes/forms/confirm-vouching.form",
    "processes/forms/decide-removal.form"})
@ExtendWith(ProcessTests.class)
class DistributorApplicationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTests.engine();

  private final List<String> done = new ArrayList<>();

  @BeforeEach
  void registerDelegates() {
    ProcessTests.doNothing("recordDistributorApplication", "checkApplicationReview", "checkVouching", "checkRemovalDecision");
    ProcessTests.recordNotices(done, "mailDistributorContacts", "alertTeamOfLeak");
    Mocks.register("addDistributor", (JavaDelegate) execution -> {
      done.add("added");
      execution.setVariable("distributorId", 7L);
    });
    Mocks.register("removeDistributor", (JavaDelegate) execution -> done.add("removed"));
  }

  @Test
  @DisplayName("R25 an application with all eight criteria met, vouched for: on the list, welcomed")
  void accepted() {
    ProcessInstance pi = apply();
    reviewed(pi, "ACCEPTED");
    assertThat(pi).isWaitingAt("Task_ConfirmVouching");
    assertThat(task(pi)).as("the voucher's own task").hasCandidateUser("demo-security");
    assertThat(taskService().getIdentityLinksForTask(task(pi).getId())).as("not the whole team's")
        .allMatch(link -> link.getGroupId() == null);

    complete(task(pi), withVariables("vouchingOutcome", "CONFIRMED"));
    assertThat(pi).isWaitingAt("Task_AddDistributor");
    execute(job(pi));
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed("EndEvent_DistributorAdded").hasNotPassed("Task_SendApplicationRejection");
    assertThat(pi).variables().containsEntry("distributorId", 7L);
    assertThat(done).containsExactly("DISTRIBUTOR_APPLICATION_RECEIVED", "added", "DISTRIBUTOR_WELCOME");
  }

  @Test
  @DisplayName("R25 an application rejected at review: the applicant is told why, nobody is asked to vouch")
  void rejectedAtReview() {
    ProcessInstance pi = apply();
    reviewed(pi, "REJECTED");
    assertThat(pi).isWaitingAt("Task_SendApplicationRejection");
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed("EndEvent_ApplicationRejected").hasNotPassed("Task_ConfirmVouching");
    assertThat(done).containsExactly("DISTRIBUTOR_APPLICATION_RECEIVED", "DISTRIBUTOR_APPLICATION_REJECTED");
  }

  @Test
  @DisplayName("R25 the member named as voucher declines: not on the list, the applicant is told why")
  void declinedByVoucher() {
    ProcessInstance pi = apply();
    reviewed(pi, "ACCEPTED");
    complete(task(pi), withVariables("vouchingOutcome", "DECLINED", "vouchingDeclineReason", "I do not know them"));
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed("Task_ConfirmVouching", "EndEvent_ApplicationRejected")
        .hasNotPassed("Task_AddDistributor");
    assertThat(done).containsExactly("DISTRIBUTOR_APPLICATION_RECEIVED", "DISTRIBUTOR_APPLICATION_REJECTED");
  }

  @Test
  @DisplayName("R26 a first leak is on record and alerts the team; no removal decision")
  void firstLeak() {
    ProcessInstance pi = leak(false);
    assertThat(pi).isWaitingAt("Task_AlertTeamOfLeak");
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed("EndEvent_LeakOnRecord").hasNotPassed("Task_DecideRemoval");
    assertThat(done).containsExactly("LEAK_REPORTED_ALERT");
  }

  @Test
  @DisplayName("R26 a repeated leak: the team decides to remove the distributor, which is told")
  void repeatedLeakRemoves() {
    ProcessInstance pi = leak(true);
    execute(job(pi));
    assertThat(pi).isWaitingAt("Task_DecideRemoval");
    assertThat(task(pi)).hasCandidateGroup("security-team");

    complete(task(pi), withVariables("removalOutcome", "REMOVE", "removalDecisionReason", "Two leaks"));
    assertThat(pi).hasPassed("Task_RemoveDistributor").isWaitingAt("Task_SendRemovalNotice");
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed("EndEvent_DistributorRemoved");
    assertThat(done).containsExactly("LEAK_REPORTED_ALERT", "removed", "DISTRIBUTOR_REMOVED");
  }

  @Test
  @DisplayName("R26 a removal proposed for a distributor that no longer meets the criteria: the team keeps it, on record")
  void removalProposedKept() {
    ProcessInstance pi = runtimeService().startProcessInstanceByMessage("RemovalProposed", "distributor-7",
        distributor(Map.of("removalReason", "No security alias any more", "proposeRemoval", true)));
    assertThat(pi).isWaitingAt("Task_DecideRemoval");

    complete(task(pi), withVariables("removalOutcome", "KEEP", "removalDecisionReason", "The alias is back"));

    assertThat(pi).isEnded().hasPassed("EndEvent_DistributorKept").hasNotPassed("Task_RemoveDistributor");
    assertThat(pi).variables().containsEntry("removalDecisionReason", "The alias is back");
    assertThat(done).isEmpty();
  }

  /** An application as the intake makes it: its ID the business key, the acknowledgement waiting as a job. */
  private ProcessInstance apply() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("applicationId", "DA-2026-0001");
    variables.put("organisation", "Distro One");
    variables.put("contacts", "security@distro-one.example");
    variables.put("vouchedBy", "demo-security");
    variables.put("embargoPolicyAccepted", true);
    variables.put("appliedAt", new Date());
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("distributor-application", "DA-2026-0001", variables);
    assertThat(pi).isWaitingAt("Task_SendApplicationReceipt");
    execute(job(pi));
    assertThat(pi).isWaitingAt("Task_ReviewApplication");
    assertThat(task(pi)).hasCandidateGroup("security-team");
    return pi;
  }

  private static void reviewed(ProcessInstance pi, String outcome) {
    Map<String, Object> review = new HashMap<>();
    for (Criterion criterion : Criterion.values()) {
      review.put(criterion.met(), "ACCEPTED".equals(outcome));
    }
    review.put("reviewOutcome", outcome);
    if ("REJECTED".equals(outcome)) {
      review.put("rejectionReason", "A rebuild of another distribution");
    }
    complete(task(pi), review);
  }

  private static ProcessInstance leak(boolean proposeRemoval) {
    return runtimeService().startProcessInstanceByMessage("LeakReported", "distributor-7",
        distributor(Map.of("leakId", 1L, "proposeRemoval", proposeRemoval, "whatLeaked", "The advance notice")));
  }

  private static Map<String, Object> distributor(Map<String, Object> more) {
    Map<String, Object> variables = new HashMap<>(more);
    variables.put("distributorId", 7L);
    variables.put("organisation", "Distro One");
    variables.put("contacts", "security@distro-one.example");
    return variables;
  }
}
