package io.github.securityrelease.intake;

import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.team.SecurityTeam;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** R2: the deadline passed with no acknowledgement, so every team member hears of it. */
@Component("alertTeamAcknowledgementOverdue")
class AlertTeamAcknowledgementOverdue implements JavaDelegate {

  private final CaseMail mail;
  private final SecurityTeam team;

  AlertTeamAcknowledgementOverdue(CaseMail mail, SecurityTeam team) {
    this.mail = mail;
    this.team = team;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.send(NotificationKind.ACKNOWLEDGEMENT_OVERDUE_ALERT, execution, team.memberEmails());
  }
}
