package io.github.securityrelease.reporter;

import io.github.securityrelease.cases.CaseVariables;
import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes to the reporter as {@code notifyReporter} does (the task's input parameter {@code notice}),
 * with the link to their page for the case ({@code reporterPageUrl}): the receipt (R2). One such
 * notice per case; the link is in the mail alone ({@link LinkMail}).
 */
@Component("notifyReporterWithPageLink")
class NotifyReporterWithPageLink implements JavaDelegate {

  private final LinkMail linkMail;
  private final CaseMail caseMail;

  NotifyReporterWithPageLink(LinkMail linkMail, CaseMail caseMail) {
    this.linkMail = linkMail;
    this.caseMail = caseMail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NotificationKind kind = CaseMail.notice(execution);
    String reporter = (String) execution.getVariable(CaseVariables.REPORTER_EMAIL);
    linkMail.send(kind, execution.getProcessBusinessKey(), reporter, null, null,
        url -> caseMail.render(kind, execution, List.of(reporter), Map.of(LinkMail.PAGE_URL, url)));
  }
}
