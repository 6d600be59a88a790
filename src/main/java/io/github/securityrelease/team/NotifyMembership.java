package io.github.securityrelease.team;

import static io.github.securityrelease.team.TeamVariables.*;

import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The membership mails, through the notification ledger (the ledger's case is the person's
 * user id): the welcome to the rotation and the review's outcome to the nominee (R21), the
 * removal vote to the member in question and the whole team (R23), a change made outside the
 * process to every other member of the team, once per change. Which one is the task's
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
    Optional<String> memberEmail = groups.user(memberId).map(User::getEmail).filter(email -> !email.isBlank());
    List<String> recipients = new ArrayList<>();
    String occasion = execution.getProcessInstanceId();
    if (kind == NotificationKind.TEAM_MEMBERSHIP_CHANGED_OUTSIDE) {
      // every other member: the person changed is not the one to be alerted
      team.memberEmails().stream().filter(email -> !memberEmail.orElse("").equals(email)).forEach(recipients::add);
      occasion += "|" + execution.getVariable(OUTSIDE_CHANGE_ID);
    } else {
      memberEmail.ifPresent(recipients::add);
    }
    if (kind == NotificationKind.TEAM_REMOVAL_VOTE) {
      recipients.addAll(team.memberEmails());
      occasion += "|" + execution.getVariable(VOTE_OPENED_AT);
    }
    if (recipients.isEmpty()) {
      log.warn("{} of {}: nobody to send it to (no e-mail address on record)", kind, memberId);
      return;
    }
    // a section of the text each: the review's decision, or where an outside change left the person
    Object decision = execution.getVariable(kind == NotificationKind.TEAM_MEMBERSHIP_CHANGED_OUTSIDE
        ? MEMBERSHIP_NOW : ROTATION_DECISION);
    Map<String, Object> flags = decision == null ? Map.of() : Map.of(decision.toString(), true);
    mail.send(kind, execution, recipients.stream().distinct().toList(), flags, occasion);
  }
}
