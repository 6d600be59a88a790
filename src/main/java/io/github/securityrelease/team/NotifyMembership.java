package io.github.securityrelease.team;

import static io.github.securityrelease.team.TeamVariables.*;

import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The membership mails, through the notification ledger (the ledger's case is the person's
 * user id): the welcome to the rotation and the review's outcome to the nominee (R21), the
 * removal vote to the member in question and the whole team (R23). Which one is the task's
 * input parameter {@code notice}. The texts use the membership's own variables only, never a
 * case's.
 */
@Component("notifyMembership")
class NotifyMembership implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(NotifyMembership.class);

  private final CaseMail mail;
  private final TeamGroups groups;
  private final SecurityTeam team;

  NotifyMembership(CaseMail mail, TeamGroups groups, SecurityTeam team) {
    this.mail = mail;
    this.groups = groups;
    this.team = team;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NotificationKind kind = CaseMail.notice(execution);
    String memberId = (String) execution.getVariable(MEMBER_ID);
    List<String> recipients = new ArrayList<>();
    groups.user(memberId).map(User::getEmail).filter(email -> !email.isBlank()).ifPresent(recipients::add);
    String occasion = execution.getProcessInstanceId();
    if (kind == NotificationKind.TEAM_REMOVAL_VOTE) {
      recipients.addAll(team.memberEmails());
      occasion += "|" + execution.getVariable(VOTE_OPENED_AT);
    }
    if (recipients.isEmpty()) {
      log.warn("{} of {}: nobody to send it to (no e-mail address on record)", kind, memberId);
      return;
    }
    Object decision = execution.getVariable(ROTATION_DECISION);
    Map<String, Object> flags = decision == null ? Map.of() : Map.of(decision.toString(), true);
    mail.send(kind, execution, recipients.stream().distinct().toList(), flags, occasion);
  }
}
