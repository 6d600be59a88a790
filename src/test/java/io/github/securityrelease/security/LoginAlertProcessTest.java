package io.github.securityrelease.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.github.securityrelease.engine.ProcessTests;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** login-alert.bpmn on a bare engine: the alert goes from a job, retried, never on the starter's thread. */
@Deployment(resources = "processes/login-alert.bpmn")
@ExtendWith(ProcessTests.class)
class LoginAlertProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTests.engine();

  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

  private final List<String> sent = new ArrayList<>();

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByMessage(LoginAlertVariables.MESSAGE_LOGIN_ATTACK_DETECTED,
        "demo-security", Map.of(
            LoginAlertVariables.ACCOUNT, "demo-security",
            LoginAlertVariables.CLIENT_ADDRESS, "192.0.2.66",
            LoginAlertVariables.ATTACK_REASON, "ONE_ADDRESS",
            LoginAlertVariables.ALERT_WINDOW, "2026-12-01T10:00:00Z"));
  }

  @Test
  @DisplayName("starting the alert sends nothing: the mail is the job's")
  void alertFromJob() {
    ProcessTests.recordNotices(sent, "alertTeamOfLoginAttack");
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt("Task_AlertTeamOfLoginAttack");
    assertThat(sent).isEmpty();

    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("Task_AlertTeamOfLoginAttack", "EndEvent_TeamAlerted");
    assertThat(sent).containsExactly("LOGIN_ATTACK_ALERT");
  }

  @Test
  @DisplayName("a break-glass sign-in alerts the team from a job too, in its own mail")
  void breakGlassFromJob() {
    Mocks.register("alertTeamOfLoginAttack", (JavaDelegate) execution ->
        sent.add(execution.getVariableLocal("notice") + " " + execution.getVariableLocal("occasion")));
    ProcessInstance pi = runtimeService().startProcessInstanceByMessage(LoginAlertVariables.MESSAGE_BREAK_GLASS_SIGN_IN,
        "admin", Map.of(
            LoginAlertVariables.ACCOUNT, "admin",
            LoginAlertVariables.CLIENT_ADDRESS, "192.0.2.7",
            LoginAlertVariables.SIGN_IN_WAY, "HTTP Basic",
            LoginAlertVariables.ALERT_WINDOW, "2026-12-01T10:00:00Z"));
    assertThat(pi).isWaitingAt("Task_AlertTeamOfBreakGlass");
    assertThat(sent).isEmpty();

    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("StartEvent_BreakGlassSignIn", "Task_AlertTeamOfBreakGlass",
        "EndEvent_TeamAlertedOfBreakGlass");
    assertThat(sent).as("once per account, address and window")
        .containsExactly("BREAK_GLASS_ALERT break-glass-192.0.2.7-2026-12-01T10:00:00Z");
  }

  @Test
  @DisplayName("a mail that cannot go is retried every 5 minutes, then an incident")
  void retriedThenIncident() {
    ClockUtil.setCurrentTime(Date.from(START));
    Mocks.register("alertTeamOfLoginAttack", (JavaDelegate) execution -> {
      sent.add("attempt");
      throw new IllegalStateException("SMTP server down");
    });
    ProcessInstance pi = start();
    for (int attempt = 1; attempt <= 5; attempt++) {
      Job job = job(pi);
      assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("SMTP server down");
      Job failed = job(pi);
      if (attempt < 5) {
        assertThat(failed.getRetries()).as("retries left after attempt " + attempt).isEqualTo(5 - attempt);
        assertThat(failed.getDuedate().toInstant()).isEqualTo(ClockUtil.getCurrentTime().toInstant()
            .plus(Duration.ofMinutes(5)));
        ClockUtil.setCurrentTime(failed.getDuedate());
      }
    }
    assertThat(job(pi).getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    assertThat(pi).isWaitingAt("Task_AlertTeamOfLoginAttack");
    assertThat(sent).hasSize(5);
  }
}
