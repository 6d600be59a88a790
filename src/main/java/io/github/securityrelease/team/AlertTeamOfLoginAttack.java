package io.github.securityrelease.team;

import static io.github.securityrelease.security.LoginAlertVariables.ATTACK_REASON;

import io.github.securityrelease.notification.CaseMail;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Alerts every member of the security team that an account is under attack, or that the
 * break-glass account was used (login-alert.bpmn): once per occasion, whichever node raised it,
 * since the ledger's case is the account. Which message, and what makes it new (the window, for
 * the break-glass also the address), are the task's input parameters {@code notice} and {@code occasion}.
 */
@Component("alertTeamOfLoginAttack")
class AlertTeamOfLoginAttack implements JavaDelegate {

  static final String OCCASION = "occasion";

  private final CaseMail mail;
  private final SecurityTeam team;

  AlertTeamOfLoginAttack(CaseMail mail, SecurityTeam team) {
    this.mail = mail;
    this.team = team;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object reason = execution.getVariable(ATTACK_REASON);
    // the attack alert's sections, one per reason; a break-glass sign-in has none
    Map<String, Object> sections = reason == null ? Map.of() : Map.of(reason.toString(), true);
    mail.send(CaseMail.notice(execution), execution, team.memberEmails(), sections,
        String.valueOf(execution.getVariableLocal(OCCASION)));
  }
}
