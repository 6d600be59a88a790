package io.github.securityrelease.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes to the reporter at the address of the report (R2: receipt, acknowledgement; R28:
 * accepted, advisory public). Which message is the task's input parameter {@code notice}, a
 * {@link NotificationKind}; its template picks only what the reporter may read.
 */
@Component("notifyReporter")
class NotifyReporter implements JavaDelegate {

  private final CaseMail mail;

  NotifyReporter(CaseMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.sendToReporter(CaseMail.notice(execution), execution);
  }
}
