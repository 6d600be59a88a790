package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;

import io.github.securityrelease.cases.BusinessCalendar;
import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R28: the reporter hears the public disclosure date when the plan is made, and again each time
 * it moves. The case keeps the date last told ({@code reporterToldDisclosureAt}), so a change of
 * the release alone, or the plan and a re-plan that raced and told the same date, sends nothing.
 * The occasion of each mail is its count and its date: a date that moves twice is two mails,
 * even back to an earlier date, and a retried job finds its own mail in the ledger. Nothing of
 * why the date moved (a re-plan's reason, an embargo break) goes to the reporter.
 */
@Component("tellReporterDisclosureDate")
class TellReporterDisclosureDate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(TellReporterDisclosureDate.class);

  private final CaseMail mail;
  private final BusinessCalendar calendar;

  TellReporterDisclosureDate(CaseMail mail, BusinessCalendar calendar) {
    this.mail = mail;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant date = PlanDates.instant(execution, PUBLIC_DISCLOSURE_AT);
    Instant told = PlanDates.instant(execution, REPORTER_TOLD_DISCLOSURE_AT);
    if (date == null || date.equals(told)) {
      log.info("{}: the reporter knows the public disclosure date already", execution.getProcessBusinessKey());
      return;
    }
    Object count = execution.getVariable(REPORTER_DISCLOSURE_DATE_NOTICES);
    int notices = count == null ? 0 : ((Number) count).intValue();
    Map<String, Object> dates = new HashMap<>();
    dates.put("publicDisclosure", calendar.describe(date));
    if (told != null) {
      dates.put("previousPublicDisclosure", calendar.describe(told));
    }
    NotificationKind kind = told == null ? NotificationKind.DISCLOSURE_DATE_SET : NotificationKind.DISCLOSURE_DATE_MOVED;
    mail.sendToReporter(kind, execution, dates, (notices + 1) + "/" + date);
    execution.setVariable(REPORTER_TOLD_DISCLOSURE_AT, execution.getVariable(PUBLIC_DISCLOSURE_AT));
    execution.setVariable(REPORTER_DISCLOSURE_DATE_NOTICES, notices + 1);
  }
}
