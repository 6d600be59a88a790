package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;

import io.github.securityrelease.disclosure.DistributorNotices.Sent;
import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.team.SecurityTeam;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * R14, R16: the advance notice and the release notice, when their timers fire. The case's
 * record says how long before the disclosure (or the release) the notice really went, and
 * whether that missed the policy's minimum; a notice that told nobody (no active distributor)
 * is not recorded as sent. The team is alerted of either, unless the plan was a short embargo.
 */
@Component("notifyDistributors")
class NotifyDistributors implements JavaDelegate {

  private final DistributorNotices notices;
  private final CaseMail mail;
  private final SecurityTeam team;
  private final Clock clock;

  NotifyDistributors(DistributorNotices notices, CaseMail mail, SecurityTeam team, Clock clock) {
    this.notices = notices;
    this.mail = mail;
    this.team = team;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NotificationKind kind = CaseMail.notice(execution);
    boolean advance = kind == NotificationKind.ADVANCE_NOTICE;
    Sent sent = notices.send(kind, execution);
    execution.setVariable(advance ? ADVANCE_NOTICE_LEAD_TIME : RELEASE_NOTICE_LEAD_TIME,
        DistributorNotices.human(sent.leadTime()));
    execution.setVariable(advance ? ADVANCE_NOTICE_MINIMUM_MISSED : RELEASE_NOTICE_MINIMUM_MISSED,
        sent.minimumMissed());
    boolean nobodyTold = sent.distributors() == 0;
    if (nobodyTold) {
      execution.setVariable(advance ? ADVANCE_NOTICE_NOBODY_TOLD : RELEASE_NOTICE_NOBODY_TOLD, true);
    } else {
      execution.setVariable(advance ? ADVANCE_NOTICE_SENT_AT : RELEASE_NOTICE_SENT_AT, Date.from(clock.instant()));
    }
    boolean unplannedShortfall = sent.minimumMissed() && !Boolean.TRUE.equals(execution.getVariable(SHORT_EMBARGO));
    if (nobodyTold || unplannedShortfall) {
      mail.send(NotificationKind.DISTRIBUTOR_NOTICE_ALERT, execution, team.memberEmails(), Map.of(
          "noticeName", advance ? "advance notice" : "release notice",
          "releaseNotice", !advance,
          "minimum", advance ? "7 days before the public disclosure (R14)" : "24 hours before the release (R16)",
          "lead", DistributorNotices.human(sent.leadTime()),
          "nobodyTold", nobodyTold,
          "minimumMissed", unplannedShortfall), kind + " " + execution.getVariable(PUBLIC_DISCLOSURE_AT) + "/"
          + execution.getVariable(RELEASE_AT));
    }
  }
}
