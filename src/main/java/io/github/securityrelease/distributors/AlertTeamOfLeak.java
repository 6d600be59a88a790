package io.github.securityrelease.distributors;

import static io.github.securityrelease.distributors.ApplicationVariables.LEAK_ID;

import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.team.SecurityTeam;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * R26: every member of the security team hears of each embargo leak at once, one message per
 * leak (the leak is the occasion: a distributor's second leak is news too). Which message is
 * the task's input parameter {@code notice}.
 */
@Component("alertTeamOfLeak")
class AlertTeamOfLeak implements JavaDelegate {

  private final CaseMail mail;
  private final SecurityTeam team;

  AlertTeamOfLeak(CaseMail mail, SecurityTeam team) {
    this.mail = mail;
    this.team = team;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.send(CaseMail.notice(execution), execution, team.memberEmails(), Map.of(),
        "leak-" + execution.getVariable(LEAK_ID));
  }
}
