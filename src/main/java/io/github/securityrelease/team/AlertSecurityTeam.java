package io.github.securityrelease.team;

import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Alerts every member of the security team about a case (R2, R3, R8). Which alert is the
 * task's input parameter {@code notice}, a {@link NotificationKind}, so that the model says it.
 */
@Component("alertSecurityTeam")
class AlertSecurityTeam implements JavaDelegate {

  private final CaseMail mail;
  private final SecurityTeam team;

  AlertSecurityTeam(CaseMail mail, SecurityTeam team) {
    this.mail = mail;
    this.team = team;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.send(CaseMail.notice(execution), execution, team.memberEmails());
  }
}
