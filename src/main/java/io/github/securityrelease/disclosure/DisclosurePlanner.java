package io.github.securityrelease.disclosure;

import io.github.securityrelease.cases.BusinessCalendar;
import io.github.securityrelease.release.ReleaseCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one place every date of a case's timeline is computed: it makes a case's
 * {@link DisclosurePlan}. Timers in the models wait for the dates this bean gives, never for a
 * literal. The models call it {@code disclosurePlan}, as every deployed version of them does.
 */
@Component("disclosurePlan")
public class DisclosurePlanner {

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

  /**
   * R9: a disclosure up to two weeks after the date the release track proposes is the team's
   * choice of a day; later, it is a deferral, which only a low-severity or low-risk case may take.
   */
  static final Duration DEFERRAL_SLACK = Duration.ofDays(14);

  private final BusinessCalendar calendar;
  private final ReleaseCalendar releases;
  private final DisclosureProperties properties;

  DisclosurePlanner(BusinessCalendar calendar, ReleaseCalendar releases, DisclosureProperties properties) {
    this.calendar = calendar;
    this.releases = releases;
    this.properties = properties;
  }

  /** How much earlier than the policy's minimum the notices are planned. */
  public Duration noticeMargin() {
    return properties.noticeMargin();
  }

  /** R14: the advance notice the plan form proposes, in days before the disclosure ("1-4 weeks"). */
  public int proposedAdvanceNoticeDays() {
    return properties.advanceNoticeDays();
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
   * otherwise the next scheduled patch release that leaves the 7 days of R14 (R20), each with
   * the notice margin; with no such patch release scheduled, as out of band (see
   * {@link #scheduledPatchRelease}).
   */
  public Instant proposeDisclosure(String releaseType, boolean fastTrack, Instant now) {
    if (fastTrack) {
      return releases.firstBusinessDayFrom(now.plus(RELEASE_NOTICE).plus(noticeMargin()));
    }
    if ("NEXT_PATCH".equals(releaseType)) {
      return scheduledPatchRelease(now).orElseGet(() -> releases.firstBusinessDayFrom(now.plus(OUT_OF_BAND_LEAD)));
    }
    return releases.firstBusinessDayFrom(now.plus(OUT_OF_BAND_LEAD));
  }

  /** R11 R20: the next scheduled patch release that leaves 7 days and the margin for the advance notice. */
  public Optional<Instant> scheduledPatchRelease(Instant now) {
    return releases.nextPatchRelease(now.plus(ADVANCE_NOTICE).plus(noticeMargin()));
  }

  /** R9: a disclosure planned after this date is a deferral. */
  public Instant deferralFrom(String releaseType, boolean fastTrack, Instant now) {
    return proposeDisclosure(releaseType, fastTrack, now).plus(DEFERRAL_SLACK);
  }

  /**
   * R9: whether a planned disclosure is a deferral, or the rule it breaks: only a case the
   * release track lets defer ({@code mayDefer}: low severity or low risk) may, and then with the
   * team's reason (holidays, bandwidth).
   */
  public boolean deferred(Instant publicDisclosureAt, String releaseType, boolean fastTrack, boolean mayDefer,
      String deferralReason, Instant now) {
    Instant from = deferralFrom(releaseType, fastTrack, now);
    boolean deferred = publicDisclosureAt != null && publicDisclosureAt.isAfter(from);
    boolean explained = deferralReason != null && !deferralReason.isBlank();
    if (!mayDefer && explained) {
      throw new InvalidPlanException("deferralReason", "R9: only a low-severity or low-risk case may be deferred");
    }
    if (deferred && !mayDefer) {
      throw new InvalidPlanException("publicDisclosureAt", "R9: only a low-severity or low-risk case may be deferred:"
          + " plan the public disclosure on or before " + calendar.describe(from));
    }
    if (deferred && !explained) {
      throw new InvalidPlanException("deferralReason", "R9: a disclosure after " + calendar.describe(from)
          + " defers the release: give the reason (holidays, the team's bandwidth)");
    }
    return deferred;
  }

  /** The plan with the advance notice as late as the policy and the margin allow. */
  public DisclosurePlan plan(Instant publicDisclosureAt, Instant releaseAt, boolean fastTrack, String shortEmbargoReason,
      Instant now) {
    return plan(publicDisclosureAt, releaseAt, null, fastTrack, shortEmbargoReason, now);
  }

  /**
   * The whole plan for a disclosure and a release date, or the rule it breaks. Dates count to
   * the second. The notices are planned the notice margin before the policy's minimum (R14: 7
   * days, R16: 24 hours), the advance notice {@code advanceNoticeDays} before the disclosure
   * when that is earlier. A plan whose notices cannot keep the minimum with the margin is a
   * short embargo, allowed only on the fast track or with the team's reason; the notices then
   * go out at once.
   */
  public DisclosurePlan plan(Instant publicDisclosureAt, Instant releaseAt, Integer advanceNoticeDays, boolean fastTrack,
      String shortEmbargoReason, Instant now) {
    if (publicDisclosureAt == null) {
      throw new InvalidPlanException("publicDisclosureAt", "the public disclosure date is required");
    }
    if (advanceNoticeDays != null && advanceNoticeDays < ADVANCE_NOTICE.toDays()) {
      throw new InvalidPlanException("advanceNoticeDays", "the advance notice goes at least 7 days before the public"
          + " disclosure (R14)");
    }
    publicDisclosureAt = publicDisclosureAt.truncatedTo(ChronoUnit.SECONDS);
    Instant release = releaseAt == null ? publicDisclosureAt : releaseAt.truncatedTo(ChronoUnit.SECONDS);
    if (!publicDisclosureAt.isAfter(now)) {
      throw new InvalidPlanException("publicDisclosureAt", "the public disclosure must be in the future");
    }
    if (release.isAfter(publicDisclosureAt)) {
      throw new InvalidPlanException("releaseAt", "the release cannot come after the public disclosure");
    }
    if (release.isBefore(now)) {
      throw new InvalidPlanException("releaseAt", "the release must be in the future");
    }
    Instant latestAdvanceNotice = publicDisclosureAt.minus(ADVANCE_NOTICE).minus(noticeMargin());
    Instant latestReleaseNotice = release.minus(RELEASE_NOTICE).minus(noticeMargin());
    boolean shortEmbargo = latestAdvanceNotice.isBefore(now) || latestReleaseNotice.isBefore(now);
    boolean explained = shortEmbargoReason != null && !shortEmbargoReason.isBlank();
    if (shortEmbargo && !fastTrack && !explained) {
      throw new InvalidPlanException("shortEmbargoReason", "the distributors must be told at least 7 days before"
          + " the disclosure (R14) and 24 hours before the release (R16), planned " + noticeMargin().toMinutes()
          + " minutes earlier still in case a notice runs late: plan later dates, or give the reason for a shorter"
          + " embargo");
    }
    Instant wanted = advanceNoticeDays == null ? latestAdvanceNotice
        : earliest(publicDisclosureAt.minus(Duration.ofDays(advanceNoticeDays)), latestAdvanceNotice);
    return new DisclosurePlan(publicDisclosureAt, release, latest(wanted, now), latest(latestReleaseNotice, now), shortEmbargo);
  }

  /** R17: master and every release branch of the plan: one cherry-pick task each. */
  public List<String> branchesToPatch(Object releaseBranches) {
    return Branches.of(releaseBranches).toPatch();
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
