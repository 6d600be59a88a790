package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;

import io.github.securityrelease.release.ReleaseCalendar;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Fills the plan form with the dates the release track suggests and the branches to patch (R11,
 * R19, R20), the advance notice the timeline suggests (R14: 1-4 weeks before the disclosure),
 * the date after which the plan defers the release (R9), and whether a next-patch case found
 * no scheduled patch release (R11: the date proposed is then out of band).
 */
@Component("proposeDisclosurePlan")
class ProposeDisclosurePlan implements JavaDelegate {

  private final DisclosurePlanner planner;
  private final PlanDates dates;
  private final ReleaseCalendar releases;
  private final Clock clock;

  ProposeDisclosurePlan(DisclosurePlanner planner, PlanDates dates, ReleaseCalendar releases, Clock clock) {
    this.planner = planner;
    this.dates = dates;
    this.releases = releases;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String releaseType = (String) execution.getVariable(RELEASE_TYPE);
    boolean fastTrack = Boolean.TRUE.equals(execution.getVariable(FAST_TRACK));
    Instant now = clock.instant();
    Instant disclosure = planner.proposeDisclosure(releaseType, fastTrack, now);
    if (ReleaseNowRequest.requested(execution)) {
      disclosure = ReleaseNowRequest.latestDisclosure(planner, execution, now);
    }
    execution.setVariable(PUBLIC_DISCLOSURE_AT, dates.forForm(disclosure));
    execution.setVariable(RELEASE_AT, dates.forForm(disclosure));
    execution.setVariable(ADVANCE_NOTICE_DAYS, planner.proposedAdvanceNoticeDays());
    execution.setVariable(DEFERRAL_FROM, dates.forForm(planner.deferralFrom(releaseType, fastTrack, now)));
    execution.setVariable(NO_PATCH_SCHEDULE,
        !fastTrack && "NEXT_PATCH".equals(releaseType) && planner.scheduledPatchRelease(now).isEmpty());
    List<String> branches = releases.branches();
    execution.setVariable(RELEASE_BRANCHES, SpinValues.jsonValue(Spin.JSON(branches)).create());
    List<Map<String, String>> options = branches.stream().map(b -> Map.of("label", b, "value", b)).toList();
    execution.setVariable(RELEASE_BRANCH_OPTIONS, SpinValues.jsonValue(Spin.JSON(options)).create());
  }
}
