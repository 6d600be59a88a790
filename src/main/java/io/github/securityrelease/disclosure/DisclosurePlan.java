package io.github.securityrelease.disclosure;

import io.github.securityrelease.release.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The one place every date of a case's timeline is computed. Timers in the models wait for
 * the dates this bean gives, never for a literal.
 */
@Component("disclosurePlan")
public class DisclosurePlan {

  /** R2: the reporter hears from the team within 2 business days. */
  static final int ACKNOWLEDGEMENT_BUSINESS_DAYS = 2;

  /** R8: the fix is to be ready within 7 days of the report reaching the team. */
  static final Duration FIX_DEVELOPMENT = Duration.ofDays(7);

  private final BusinessCalendar calendar;

  DisclosurePlan(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  public Instant acknowledgementDueBy(Instant reportedAt) {
    return calendar.addBusinessDays(reportedAt, ACKNOWLEDGEMENT_BUSINESS_DAYS);
  }

  public Instant fixDueBy(Instant reportedAt) {
    return reportedAt.plus(FIX_DEVELOPMENT);
  }
}
