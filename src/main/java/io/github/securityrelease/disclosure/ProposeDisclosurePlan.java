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

/** Fills the plan form with the dates the release track suggests and the branches to patch (R11, R19, R20). */
@Component("proposeDisclosurePlan")
class ProposeDisclosurePlan implements JavaDelegate {

  private final DisclosurePlan plan;
  private final PlanDates dates;
  private final ReleaseCalendar releases;
  private final Clock clock;

  ProposeDisclosurePlan(DisclosurePlan plan, PlanDates dates, ReleaseCalendar releases, Clock clock) {
    this.plan = plan;
    this.dates = dates;
    this.releases = releases;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant disclosure = plan.proposeDisclosure((String) execution.getVariable(RELEASE_TYPE),
        Boolean.TRUE.equals(execution.getVariable(FAST_TRACK)), clock.instant());
    if (ReleaseNowRequest.requested(execution)) {
      disclosure = ReleaseNowRequest.latestDisclosure(plan, execution, clock.instant());
    }
    execution.setVariable(PUBLIC_DISCLOSURE_AT, dates.forForm(disclosure));
    execution.setVariable(RELEASE_AT, dates.forForm(disclosure));
    List<String> branches = releases.branches();
    execution.setVariable(RELEASE_BRANCHES, SpinValues.jsonValue(Spin.JSON(branches)).create());
    List<Map<String, String>> options = branches.stream().map(b -> Map.of("label", b, "value", b)).toList();
    execution.setVariable(RELEASE_BRANCH_OPTIONS, SpinValues.jsonValue(Spin.JSON(options)).create());
  }
}
