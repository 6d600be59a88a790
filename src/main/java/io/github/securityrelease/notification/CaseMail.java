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
  /** A service task's input parameter: what makes its notice new (see {@link Notice#occasion()}). */
  static final String OCCASION = "occasion";

  private final MailTemplates templates;
  private final Notifier notifier;
  private final BusinessCalendar calendar;

  private final NotificationLedger ledger;

  CaseMail(MailTemplates templates, Notifier notifier, BusinessCalendar calendar, NotificationLedger ledger) {
    this.templates = templates;
    this.notifier = notifier;
    this.calendar = calendar;
    this.ledger = ledger;
  }

  public void send(NotificationKind kind, DelegateExecution execution, List<String> recipients) {
    send(kind, execution, recipients, Map.of());
  }

  /**
   * With {@code extra} values for the template beside the case's variables (flags for its
   * sections), once per the task's input parameter {@code occasion} when it has one.
   */
  public void send(NotificationKind kind, DelegateExecution execution, List<String> recipients, Map<String, ?> extra) {
    Object occasion = execution.getVariableLocal(OCCASION);
    send(kind, execution, recipients, extra, occasion == null ? null : occasion.toString());
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
    Notice notice = templates.render(kind, caseId, recipients, model);
    Object reporter = model.get(CaseVariables.REPORTER_EMAIL);
    if (reporter != null && recipients.contains(reporter.toString())) {
      notice = notice.inThread(thread(kind, caseId, model));
    }
    return notice;
  }

  /**
   * R28: the thread a mail to the reporter sits in: the mailed report's own Message-ID, else
   * the receipt's (a report through the API or the page), none for the receipt of such a report.
   */
  private String thread(NotificationKind kind, String caseId, Map<String, Object> model) {
    return MessageIds.safe(model.get(CaseVariables.REPORT_MESSAGE_ID)).orElseGet(() -> kind == NotificationKind.REPORT_RECEIPT
        ? null
        : ledger.findByCase(caseId).stream().filter(row -> row.kind() == NotificationKind.REPORT_RECEIPT).findFirst()
            .map(receipt -> notifier.messageId(receipt.id(), caseId)).orElse(null));
  }

  /**
   * The body of the message {@code kind} about the case, as its mail carries it, sent to no
   * one: for the forge, which publishes the public announcement as the tracking issue (R18).
   * {@code extra} as for {@link #send(NotificationKind, DelegateExecution, List, Map)}.
   */
  public String text(NotificationKind kind, DelegateExecution execution, Map<String, ?> extra) {
    Map<String, Object> model = model(execution, execution.getProcessBusinessKey());
    model.putAll(extra);
    return templates.body(kind, model);
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
