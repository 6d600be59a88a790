package io.github.securityrelease.release;

import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.team.SecurityTeam;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** R8: 7 days after the report the fix is still not approved, so the team hears of it; development goes on. */
@Component("alertTeamFixOverdue")
class AlertTeamFixOverdue implements JavaDelegate {

  private final CaseMail mail;
  private final SecurityTeam team;

  AlertTeamFixOverdue(CaseMail mail, SecurityTeam team) {
    this.mail = mail;
    this.team = team;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.send(NotificationKind.FIX_OVERDUE_ALERT, execution, team.memberEmails());
  }
}
