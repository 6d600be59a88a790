package io.github.securityrelease.intake;

import static io.github.securityrelease.intake.CaseVariables.*;

import io.github.securityrelease.notification.MailTemplates;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.notification.Notifier;
import io.github.securityrelease.release.BusinessCalendar;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Writes and sends a message about a case, from the case's own variables. */
@Component
class CaseMail {

  private final MailTemplates templates;
  private final Notifier notifier;
  private final BusinessCalendar calendar;

  CaseMail(MailTemplates templates, Notifier notifier, BusinessCalendar calendar) {
    this.templates = templates;
    this.notifier = notifier;
    this.calendar = calendar;
  }

  void send(NotificationKind kind, DelegateExecution execution, List<String> recipients) {
    String caseId = execution.getProcessBusinessKey();
    notifier.send(templates.render(kind, caseId, recipients, model(execution, caseId)));
  }

  private Map<String, Object> model(DelegateExecution execution, String caseId) {
    Map<String, Object> model = new HashMap<>();
    model.put(CASE_ID, caseId);
    for (String name : List.of(TITLE, REPORTER_NAME, REPORTER_EMAIL, ACKNOWLEDGEMENT_MESSAGE, ACKNOWLEDGED_BY)) {
      model.put(name, execution.getVariable(name));
    }
    for (String name : List.of(REPORTED_AT, ACKNOWLEDGEMENT_DUE_BY)) {
      Date date = (Date) execution.getVariable(name);
      model.put(name, date == null ? null : calendar.describe(date.toInstant()));
    }
    return model;
  }
}
