package io.github.securityrelease.reporter;

import static io.github.securityrelease.cases.CaseVariables.REPORTER_EMAIL;
import static io.github.securityrelease.cases.CaseVariables.REPORTER_NAME;
import static io.github.securityrelease.cases.CaseVariables.TITLE;

import io.github.securityrelease.cases.CaseVariables;
import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.MailTemplates;
import io.github.securityrelease.notification.NotificationKind;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Mails the reporter a new link to their page (reporter-link.bpmn; the case's ID in its variable
 * {@code caseId}, not its business key, which names a vulnerability-handling instance), one per request: the
 * instance is the ledger's occasion; the link is in the mail alone ({@link LinkMail}).
 */
@Component("mailNewReporterLink")
class MailNewReporterLink implements JavaDelegate {

  static final String REQUESTED_AT = "requestedAt";

  private final LinkMail linkMail;
  private final MailTemplates templates;
  private final Cases cases;

  MailNewReporterLink(LinkMail linkMail, MailTemplates templates, Cases cases) {
    this.linkMail = linkMail;
    this.templates = templates;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NotificationKind kind = CaseMail.notice(execution);
    String caseId = (String) execution.getVariable(CaseVariables.CASE_ID);
    Map<String, Object> model = new HashMap<>(cases.variables(cases.find(caseId).orElseThrow(),
        REPORTER_EMAIL, REPORTER_NAME, TITLE));
    model.put(CaseVariables.CASE_ID, caseId);
    String reporter = (String) model.get(REPORTER_EMAIL);
    Date requestedAt = (Date) execution.getVariable(REQUESTED_AT);
    linkMail.send(kind, caseId, reporter, requestedAt.toInstant(), execution.getProcessInstanceId(), url -> {
      model.put(LinkMail.PAGE_URL, url);
      return templates.render(kind, caseId, List.of(reporter), model);
    });
  }
}
