package io.github.securityrelease.conversation;

import static io.github.securityrelease.cases.CaseVariables.REPORTER_EMAIL;
import static io.github.securityrelease.cases.CaseVariables.REPORTER_NAME;
import static io.github.securityrelease.cases.CaseVariables.REPORT_MESSAGE_ID;
import static io.github.securityrelease.cases.CaseVariables.TITLE;

import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.cases.UnknownCaseException;
import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send message to reporter" (R28): the team's text to the reporter's address of the case (the
 * business key), in the report's thread, on the notification ledger once per message (the
 * occasion is this process instance), so that a retried job never sends it twice.
 */
@Component("sendReporterMessage")
class SendReporterMessage implements JavaDelegate {

  private final CaseMail mail;
  private final Cases cases;

  SendReporterMessage(CaseMail mail, Cases cases) {
    this.mail = mail;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = execution.getProcessBusinessKey();
    // a job: no user is authenticated, the service reads the case
    Map<String, Object> reporter = cases.variables(cases.find(caseId).orElseThrow(() -> UnknownCaseException.noCase(caseId)),
        REPORTER_EMAIL, REPORTER_NAME, TITLE, REPORT_MESSAGE_ID);
    mail.send(NotificationKind.REPORTER_MESSAGE, execution, List.of((String) reporter.get(REPORTER_EMAIL)), reporter,
        "message-" + execution.getProcessInstanceId());
  }
}
