package io.github.securityrelease.team;

import static io.github.securityrelease.security.LoginAlertVariables.ALERT_WINDOW;
import static io.github.securityrelease.security.LoginAlertVariables.ATTACK_REASON;

import io.github.securityrelease.notification.CaseMail;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Alerts every member of the security team that an account is under attack (login-alert.bpmn):
 * once per account and window, whichever node raised it, since the ledger's case is the
 * account and the occasion the window. Which message is the task's input parameter {@code notice}.
 */
@Component("alertTeamOfLoginAttack")
class AlertTeamOfLoginAttack implements JavaDelegate {

  private final CaseMail mail;
  private final SecurityTeam team;

  AlertTeamOfLoginAttack(CaseMail mail, SecurityTeam team) {
    this.mail = mail;
    this.team = team;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.send(CaseMail.notice(execution), execution, team.memberEmails(),
        Map.of(String.valueOf(execution.getVariable(ATTACK_REASON)), true),
        "login-attack-" + execution.getVariable(ALERT_WINDOW));
  }
}
