package io.github.securityrelease.intake;

import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
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
    mail.sendToReporter(NotificationKind.REPORT_RECEIPT, execution);
  }
}
