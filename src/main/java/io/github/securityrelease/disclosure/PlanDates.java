package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;

import io.github.securityrelease.cases.CalendarProperties;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Reads and writes a case's plan dates, and moves the timers that wait for them. The form's
 * date-time fields submit ISO-8601 strings with an offset; the plan keeps them so, in the
 * team's zone and to the second, and adds the notice dates as dates. A date kept to the minute
 * only would move a disclosure planned at 15:00:37 to 15:00:00, 37 seconds closer to notices
 * computed from the first (R14, R16).
 */
@Component
public class PlanDates {

  /** The timers of the model that wait for a date of the plan. */
  static final List<String> PLAN_TIMERS = List.of("Event_AdvanceNoticeDue", "Event_ReleaseNoticeDue",
      "Event_ReleaseDay", "Event_DisclosureDue");

  private static final DateTimeFormatter FORM_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");
  private static final DateTimeFormatter FORM_FORMAT_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private final CalendarProperties calendar;
  private final ManagementService managementService;

  PlanDates(CalendarProperties calendar, ManagementService managementService) {
    this.calendar = calendar;
    this.managementService = managementService;
  }

  /** A date as the form's date-time field shows it, in the team's zone; its seconds where it has any. */
  public String forForm(Instant instant) {
    ZonedDateTime date = ZonedDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), calendar.zone());
    return (date.getSecond() == 0 ? FORM_FORMAT : FORM_FORMAT_SECONDS).format(date);
  }

  /** A date the form (or the API) gave: an ISO-8601 string with an offset (to the second), or a date. */
  public static Instant parse(Object value, String field) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    try {
      return OffsetDateTime.parse(value.toString().strip()).toInstant().truncatedTo(ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      throw new InvalidPlanException(field, "'" + value + "' is not a date and time with an offset (ISO-8601)");
    }
  }

  public static Instant instant(VariableScope scope, String name) {
    return parse(scope.getVariable(name), name);
  }

  /** The plan on the case: the dates as strings for people and timers, the notice dates as dates. */
  public void apply(VariableScope scope, DisclosurePlan plan) {
    scope.setVariable(PUBLIC_DISCLOSURE_AT, forForm(plan.publicDisclosureAt()));
    scope.setVariable(RELEASE_AT, forForm(plan.releaseAt()));
    scope.setVariable(ADVANCE_NOTICE_AT, Date.from(plan.advanceNoticeAt()));
    scope.setVariable(RELEASE_NOTICE_AT, Date.from(plan.releaseNoticeAt()));
    scope.setVariable(SHORT_EMBARGO, plan.shortEmbargo());
  }

  /** Every plan timer still waiting takes its date from the case's variables again. */
  public void moveTimers(String processInstanceId) {
    for (String timer : PLAN_TIMERS) {
      managementService.createJobQuery().processInstanceId(processInstanceId).timers().activityId(timer).list()
          .forEach(job -> managementService.recalculateJobDuedate(job.getId(), false));
    }
  }
}
