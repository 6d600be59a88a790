package io.github.securityrelease.conversation;

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

/** reporter-message.bpmn on a bare engine: the team's message and the team's alert go from jobs, retried, never on the starter's thread. */
@Deployment(resources = {"processes/reporter-message.bpmn", "processes/forms/write-to-reporter.form"})
@ExtendWith(ProcessTests.class)
class ReporterMessageProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTests.engine();

  private static final String CASE = "SEC-2026-0042";
  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

  private final List<String> sent = new ArrayList<>();

  private ProcessInstance write() {
    return runtimeService().createProcessInstanceByKey(Conversation.PROCESS_KEY).businessKey(CASE)
        .setVariables(Map.of(Conversation.MESSAGE, "Can you share the logs?", Conversation.WRITTEN_BY, "demo-security"))
        .execute();
  }

  @Test
  @DisplayName("R28 the team writes: the start sends nothing, the job sends the message to the reporter")
  void messageFromJob() {
    ProcessTests.doNothing("checkReporterMessage");
    Mocks.register("sendReporterMessage", (JavaDelegate) execution ->
        sent.add(execution.getProcessBusinessKey() + " " + execution.getVariable(Conversation.MESSAGE)));
    ProcessInstance pi = write();
    assertThat(pi).isWaitingAt("Task_SendMessageToReporter");
    assertThat(sent).isEmpty();

    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("StartEvent_WriteToReporter", "Task_SendMessageToReporter",
        "EndEvent_MessageSent");
    assertThat(sent).containsExactly(CASE + " Can you share the logs?");
  }

  @Test
  @DisplayName("R28 an answer of the reporter tells the team from a job, once per answer (the occasion)")
  void answerTellsTeamFromJob() {
    ProcessTests.doNothing("serviceStartOnly");
    Mocks.register("alertSecurityTeam", (JavaDelegate) execution ->
        sent.add(execution.getVariableLocal("notice") + " " + execution.getVariableLocal("occasion")));
    ProcessInstance pi = runtimeService().startProcessInstanceByMessage(Conversation.ANSWERED, CASE, Map.of(
        Conversation.ANSWER_KEY, "k1", Conversation.ANSWER_FROM, "ada@example.net",
        Conversation.ANSWER_AT, Date.from(START)));
    assertThat(pi).isWaitingAt("Task_TellTeamOfAnswer");
    assertThat(sent).isEmpty();

    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("StartEvent_ReporterAnswered", "Task_TellTeamOfAnswer", "EndEvent_TeamTold");
    assertThat(sent).containsExactly("REPORTER_ANSWERED answer-k1");
  }

  @Test
  @DisplayName("R28 a message that cannot go is retried every 5 minutes, then an incident on the case's record")
  void retriedThenIncident() {
    ClockUtil.setCurrentTime(Date.from(START));
    ProcessTests.doNothing("checkReporterMessage");
    Mocks.register("sendReporterMessage", (JavaDelegate) execution -> {
      sent.add("attempt");
      throw new IllegalStateException("SMTP server down");
    });
    ProcessInstance pi = write();
    for (int attempt = 1; attempt <= 5; attempt++) {
      Job job = job(pi);
      assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("SMTP server down");
      Job failed = job(pi);
      if (attempt < 5) {
        assertThat(failed.getRetries()).isEqualTo(5 - attempt);
        assertThat(failed.getDuedate().toInstant())
            .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(5)));
        ClockUtil.setCurrentTime(failed.getDuedate());
      }
    }
    assertThat(job(pi).getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery()
        .processInstanceId(pi.getId()).count()).isEqualTo(1);
    assertThat(pi).isWaitingAt("Task_SendMessageToReporter").hasBusinessKey(CASE);
    assertThat(sent).hasSize(5);
  }
}
