package io.github.securityrelease.intake;

import io.github.securityrelease.notification.NotificationKind;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** R2: the reporter gets a receipt with the case ID as soon as the report is in. */
@Component("sendReportReceipt")
class SendReportReceipt implements JavaDelegate {

  private final CaseMail mail;

  SendReportReceipt(CaseMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reporter = (String) execution.getVariable(CaseVariables.REPORTER_EMAIL);
    mail.send(NotificationKind.REPORT_RECEIPT, execution, List.of(reporter));
  }
}
