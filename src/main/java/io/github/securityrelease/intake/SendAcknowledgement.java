package io.github.securityrelease.intake;

import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** R2: the handler's acknowledgement goes to the reporter. */
@Component("sendAcknowledgement")
class SendAcknowledgement implements JavaDelegate {

  private final CaseMail mail;

  SendAcknowledgement(CaseMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.sendToReporter(NotificationKind.ACKNOWLEDGEMENT, execution);
  }
}
