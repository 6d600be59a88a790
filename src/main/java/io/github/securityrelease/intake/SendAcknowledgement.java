package io.github.securityrelease.intake;

import io.github.securityrelease.notification.NotificationKind;
import java.util.List;
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
    String reporter = (String) execution.getVariable(CaseVariables.REPORTER_EMAIL);
    mail.send(NotificationKind.ACKNOWLEDGEMENT, execution, List.of(reporter));
  }
}
