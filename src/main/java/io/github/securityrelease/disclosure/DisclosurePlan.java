package io.github.securityrelease.disclosure;

import io.github.securityrelease.release.BusinessCalendar;
import io.github.securityrelease.release.ReleaseCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

  /** R14: the distributors hear of it at least 7 days before the public disclosure. */
  static final Duration ADVANCE_NOTICE = Duration.ofDays(7);

  /** R16: and again at least 24 hours before the release. */
  static final Duration RELEASE_NOTICE = Duration.ofHours(24);

  /** The timeline: public disclosure in week 4, about three weeks after the fix. */
  static final Duration OUT_OF_BAND_LEAD = Duration.ofDays(21);

  private final BusinessCalendar calendar;
  private final ReleaseCalendar releases;

  DisclosurePlan(BusinessCalendar calendar, ReleaseCalendar releases) {
    this.calendar = calendar;
    this.releases = releases;
  }

  public Instant acknowledgementDueBy(Instant reportedAt) {
    return calendar.addBusinessDays(reportedAt, ACKNOWLEDGEMENT_BUSINESS_DAYS);
  }

  public Instant fixDueBy(Instant reportedAt) {
    return reportedAt.plus(FIX_DEVELOPMENT);
  }

  /**
   * The disclosure date the plan form proposes: a fast-tracked case as soon as the
   * distributors can get their 24 hours (R3, R16); out of band about three weeks out (R11);
   * otherwise the next scheduled patch release that leaves the 7 days of R14 (R20).
   */
  public Instant proposeDisclosure(String releaseType, boolean fastTrack, Instant now) {
    if (fastTrack) {
      return releases.firstBusinessDayFrom(now.plus(RELEASE_NOTICE));
    }
    if ("NEXT_PATCH".equals(releaseType)) {
      return releases.nextPatchRelease(now.plus(ADVANCE_NOTICE))
          .orElseGet(() -> releases.firstBusinessDayFrom(now.plus(OUT_OF_BAND_LEAD)));
    }
    return releases.firstBusinessDayFrom(now.plus(OUT_OF_BAND_LEAD));
  }

  /**
   * The whole plan for a disclosure and a release date, or the rule it breaks. A disclosure
   * less than 7 days away (or a release less than 24 hours away) is allowed only on the fast
   * track or with the team's reason; the notices then go out at once.
   */
  public Plan plan(Instant publicDisclosureAt, Instant releaseAt, boolean fastTrack, String shortEmbargoReason,
      Instant now) {
    if (publicDisclosureAt == null) {
      throw new InvalidPlanException("publicDisclosureAt", "the public disclosure date is required");
    }
    Instant release = releaseAt == null ? publicDisclosureAt : releaseAt;
    if (!publicDisclosureAt.isAfter(now)) {
      throw new InvalidPlanException("publicDisclosureAt", "the public disclosure must be in the future");
    }
    if (release.isAfter(publicDisclosureAt)) {
      throw new InvalidPlanException("releaseAt", "the release cannot come after the public disclosure");
    }
    if (release.isBefore(now)) {
      throw new InvalidPlanException("releaseAt", "the release must be in the future");
    }
    boolean shortEmbargo = publicDisclosureAt.minus(ADVANCE_NOTICE).isBefore(now)
        || release.minus(RELEASE_NOTICE).isBefore(now);
    boolean explained = shortEmbargoReason != null && !shortEmbargoReason.isBlank();
    if (shortEmbargo && !fastTrack && !explained) {
      throw new InvalidPlanException("shortEmbargoReason", "the distributors must be told at least 7 days before"
          + " the disclosure (R14) and 24 hours before the release (R16): plan later dates, or give the reason"
          + " for a shorter embargo");
    }
    return new Plan(publicDisclosureAt, release, latest(publicDisclosureAt.minus(ADVANCE_NOTICE), now),
        latest(release.minus(RELEASE_NOTICE), now), shortEmbargo);
  }

  /** R17: master and every release branch of the plan: one cherry-pick task each. */
  public List<String> branchesToPatch(Object releaseBranches) {
    return Branches.of(releaseBranches).toPatch();
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
