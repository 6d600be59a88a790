package io.github.securityrelease.intake;

import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.team.SecurityTeam;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** R3: a report that is public already alerts the whole team at once. */
@Component("alertTeamPublicReport")
class AlertTeamPublicReport implements JavaDelegate {

  private final CaseMail mail;
  private final SecurityTeam team;

  AlertTeamPublicReport(CaseMail mail, SecurityTeam team) {
    this.mail = mail;
    this.team = team;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.send(NotificationKind.PUBLIC_REPORT_ALERT, execution, team.memberEmails());
  }
}
