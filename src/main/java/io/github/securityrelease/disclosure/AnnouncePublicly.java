package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.DISCLOSED_AT;

import io.github.securityrelease.notification.CaseMail;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** R18: the public announcement, linking the release notes; the case is disclosed. */
@Component("announcePublicly")
class AnnouncePublicly implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(AnnouncePublicly.class);

  private final CaseMail mail;
  private final AnnounceProperties announce;
  private final Clock clock;

  AnnouncePublicly(CaseMail mail, AnnounceProperties announce, Clock clock) {
    this.mail = mail;
    this.announce = announce;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (announce.recipients().isEmpty()) {
      log.warn("No security-release.announce.recipients: {} is disclosed without an announcement mail",
          execution.getProcessBusinessKey());
    } else {
      mail.send(CaseMail.notice(execution), execution, announce.recipients());
    }
    execution.setVariable(DISCLOSED_AT, Date.from(clock.instant()));
  }
}
