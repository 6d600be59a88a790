package io.github.securityrelease.reporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.github.securityrelease.engine.ProcessTests;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** reporter-link.bpmn on a bare engine: the new link is mailed from a job, never on the request thread. */
@Deployment(resources = "processes/reporter-link.bpmn")
@ExtendWith(ProcessTests.class)
class ReporterLinkProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTests.engine();

  private final List<String> sent = new ArrayList<>();

  @Test
  @DisplayName("asking for a new link sends nothing: the mail is the job's")
  void mailFromJob() {
    ProcessTests.recordNotices(sent, "mailNewReporterLink");
    ProcessInstance pi = runtimeService().startProcessInstanceByMessage(
        ReporterLinkController.MESSAGE_REPORTER_LINK_REQUESTED,
        Map.of("caseId", "SEC-2026-0001", MailNewReporterLink.REQUESTED_AT, new Date()));
    assertThat(pi).isWaitingAt("Task_MailNewLink");
    assertThat(sent).isEmpty();

    execute(job(pi));
    assertThat(pi).isEnded().hasPassed("StartEvent_NewLinkRequested", "Task_MailNewLink", "EndEvent_NewLinkMailed");
    assertThat(sent).containsExactly("REPORTER_LINK");
  }
}
