package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * R15 before a plan exists: the team decided to release now, which means as soon as a fix is
 * ready. On record for the plan ({@link ReleaseNowRequest}); where the plan form is open with a
 * proposal already, the proposal becomes the earliest date.
 */
@Component("recordReleaseNow")
class RecordReleaseNow implements JavaDelegate {

  private final DisclosurePlanner planner;
  private final PlanDates dates;
  private final Clock clock;

  RecordReleaseNow(DisclosurePlanner planner, PlanDates dates, Clock clock) {
    this.planner = planner;
    this.dates = dates;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(RELEASE_NOW_REQUESTED, true);
    if (execution.getVariable(PUBLIC_DISCLOSURE_AT) != null) {
      Instant disclosure = ReleaseNowRequest.latestDisclosure(planner, execution, clock.instant());
      execution.setVariable(PUBLIC_DISCLOSURE_AT, dates.forForm(disclosure));
      execution.setVariable(RELEASE_AT, dates.forForm(disclosure));
    }
  }
}
