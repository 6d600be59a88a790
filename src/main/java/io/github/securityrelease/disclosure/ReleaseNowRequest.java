package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;

import java.time.Instant;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * R15: once the team decided to release now (case variable {@code releaseNowRequested}), the
 * public disclosure comes as early as possible. Before a plan exists that means as soon as a
 * fix is ready: the plan proposes the earliest date, and refuses a later one than that or than
 * the team's {@code releaseNowAt}, whichever is later. A plan or re-plan after it may bring the
 * disclosure forward, never push it out. A broken embargo has no embargo period left to
 * protect, so a short embargo needs no reason of its own there, as on the fast track (R3).
 */
final class ReleaseNowRequest {

  private ReleaseNowRequest() {}

  static boolean requested(VariableScope scope) {
    return requested(scope::getVariable);
  }

  /** The same for the case's variables read outside the engine, e.g. by a controller. */
  static boolean requested(Function<String, Object> variables) {
    return Boolean.TRUE.equals(variables.apply(RELEASE_NOW_REQUESTED));
  }

  /** The fast track (R3) or a release now (R15): the distributors' 7 days are not waited for. */
  static boolean noEmbargoToProtect(VariableScope scope) {
    return noEmbargoToProtect(scope::getVariable);
  }

  static boolean noEmbargoToProtect(Function<String, Object> variables) {
    return Boolean.TRUE.equals(variables.apply(FAST_TRACK)) || requested(variables);
  }

  /**
   * The latest public disclosure a plan made after RELEASE_NOW may have: the earliest the
   * plan allows now, or the team's {@code releaseNowAt} when that is later.
   */
  static Instant latestDisclosure(DisclosurePlanner planner, VariableScope scope, Instant now) {
    Instant earliest = planner.proposeDisclosure((String) scope.getVariable(RELEASE_TYPE), true, now);
    Instant at = PlanDates.instant(scope, RELEASE_NOW_AT);
    return at != null && at.isAfter(earliest) ? at : earliest;
  }

  /** The plan's disclosure, if the team asked to release now, is no later than {@link #latestDisclosure}. */
  static void checkPlan(DisclosurePlanner planner, VariableScope scope, DisclosurePlan planned, Instant now) {
    if (!requested(scope)) {
      return;
    }
    Instant latest = latestDisclosure(planner, scope, now);
    if (planned.publicDisclosureAt().isAfter(latest)) {
      throw new InvalidPlanException(PUBLIC_DISCLOSURE_AT, "the embargo is broken and the team decided to release"
          + " now (R15): disclose by " + latest + " at the latest");
    }
  }

  /** A re-plan after RELEASE_NOW does not push the disclosure out. */
  static void checkReplan(boolean requested, Instant plannedDisclosure, DisclosurePlan replanned) {
    if (requested && plannedDisclosure != null && replanned.publicDisclosureAt().isAfter(plannedDisclosure)) {
      throw new InvalidPlanException(PUBLIC_DISCLOSURE_AT, "the embargo is broken and the team decided to release"
          + " now (R15): a re-plan may bring the disclosure forward, not push it out past " + plannedDisclosure);
    }
  }
}
