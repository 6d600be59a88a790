package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.ADVANCE_NOTICE_SENT_AT;
import static io.github.securityrelease.cases.CaseVariables.RELEASE_NOTICE_SENT_AT;

import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** R14, R16: the advance notice and the release notice, when their timers fire. */
@Component("notifyDistributors")
class NotifyDistributors implements JavaDelegate {

  private final DistributorNotices notices;
  private final Clock clock;

  NotifyDistributors(DistributorNotices notices, Clock clock) {
    this.notices = notices;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NotificationKind kind = CaseMail.notice(execution);
    notices.send(kind, execution);
    String sentAt = kind == NotificationKind.ADVANCE_NOTICE ? ADVANCE_NOTICE_SENT_AT : RELEASE_NOTICE_SENT_AT;
    execution.setVariable(sentAt, Date.from(clock.instant()));
  }
}
