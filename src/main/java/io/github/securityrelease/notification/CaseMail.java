package io.github.securityrelease.notification;

import io.github.securityrelease.cases.BusinessCalendar;
import io.github.securityrelease.cases.CaseVariables;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Writes and sends a message about a case from the case's own variables: each template
 * picks what its recipients may read. Dates read as people read them (UTC and the team's zone).
 */
@Component
public class CaseMail {

  static final String NOTICE = "notice";

  private final MailTemplates templates;
  private final Notifier notifier;
  private final BusinessCalendar calendar;

  CaseMail(MailTemplates templates, Notifier notifier, BusinessCalendar calendar) {
    this.templates = templates;
    this.notifier = notifier;
    this.calendar = calendar;
  }

  public void send(NotificationKind kind, DelegateExecution execution, List<String> recipients) {
    send(kind, execution, recipients, Map.of());
  }

  /** With {@code extra} values for the template beside the case's variables (flags for its sections). */
  public void send(NotificationKind kind, DelegateExecution execution, List<String> recipients, Map<String, ?> extra) {
    send(kind, execution, recipients, extra, null);
  }

  /** Once per {@code occasion} (see {@link Notice#occasion()}) for the same recipients. */
  public void send(NotificationKind kind, DelegateExecution execution, List<String> recipients, Map<String, ?> extra,
      String occasion) {
    notifier.send(render(kind, execution, recipients, extra).on(occasion));
  }

  /** The message written and not sent: for a caller that decides whether this text or one on record goes. */
  public Notice render(NotificationKind kind, DelegateExecution execution, List<String> recipients,
      Map<String, ?> extra) {
    String caseId = execution.getProcessBusinessKey();
    Map<String, Object> model = model(execution, caseId);
    model.putAll(extra);
    return templates.render(kind, caseId, recipients, model);
  }

  /** To the reporter, at the address of the report. */
  public void sendToReporter(NotificationKind kind, DelegateExecution execution) {
    sendToReporter(kind, execution, Map.of());
  }

  public void sendToReporter(NotificationKind kind, DelegateExecution execution, Map<String, ?> extra) {
    sendToReporter(kind, execution, extra, null);
  }

  /** Once per {@code occasion} (see {@link Notice#occasion()}). */
  public void sendToReporter(NotificationKind kind, DelegateExecution execution, Map<String, ?> extra, String occasion) {
    send(kind, execution, List.of((String) execution.getVariable(CaseVariables.REPORTER_EMAIL)), extra, occasion);
  }

  /** The kind of notice a service task sends: its input parameter {@code notice}. */
  public static NotificationKind notice(DelegateExecution execution) {
    Object notice = execution.getVariableLocal(NOTICE);
    if (notice == null) {
      throw new IllegalStateException(execution.getCurrentActivityId() + " has no input parameter '" + NOTICE + "'");
    }
    return NotificationKind.valueOf(notice.toString());
  }

  private Map<String, Object> model(DelegateExecution execution, String caseId) {
    Map<String, Object> model = new HashMap<>();
    execution.getVariables().forEach((name, value) ->
        model.put(name, value instanceof Date date ? calendar.describe(date.toInstant()) : value));
    model.put(CaseVariables.CASE_ID, caseId);
    return model;
  }
}
