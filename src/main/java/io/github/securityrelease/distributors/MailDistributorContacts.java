package io.github.securityrelease.distributors;

import static io.github.securityrelease.distributors.ApplicationVariables.CONTACTS;

import io.github.securityrelease.notification.CaseMail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The applicant's or distributor's contacts hear how things stand (R25, R26): which message is
 * the task's input parameter {@code notice}; on record in the ledger under the business key,
 * once each.
 */
@Component("mailDistributorContacts")
class MailDistributorContacts implements JavaDelegate {

  private final CaseMail mail;

  MailDistributorContacts(CaseMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.send(CaseMail.notice(execution), execution, ApplicationIntake.contacts((String) execution.getVariable(CONTACTS)));
  }
}
