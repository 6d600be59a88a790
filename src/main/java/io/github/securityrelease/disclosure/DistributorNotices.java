package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;

import io.github.securityrelease.cases.BusinessCalendar;
import io.github.securityrelease.disclosure.DistributorMail.Delivery;
import io.github.securityrelease.distributors.Distributor;
import io.github.securityrelease.distributors.DistributorAcknowledgements;
import io.github.securityrelease.distributors.DistributorRegistry;
import io.github.securityrelease.notification.NotificationKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The embargoed notices to the private distributors list (R14, R15, R16): one message per
 * distributor, to its contacts only, so that no distributor learns who else is on the list;
 * read from the registry when sent, so that a removed distributor gets nothing more (R26).
 * A notice goes once per distributor and per planned date, with a link of the distributor's own to
 * acknowledge it (R29), encrypted to the distributor's keys, or held back from one without
 * ({@link DistributorMail}). Each states the true lead time, counted when it is sent: a notice
 * that runs late says so, never the planned lead.
 */
@Component
class DistributorNotices {

  private static final Logger log = LoggerFactory.getLogger(DistributorNotices.class);

  /** A release notice due within this much of the advance notice goes with it: no "you will hear from us again". */
  private static final Duration SAME_TIME = Duration.ofMinutes(1);

  private final DistributorRegistry registry;
  private final DistributorAcknowledgements acknowledgements;
  private final DistributorMail mail;
  private final BusinessCalendar calendar;
  private final Clock clock;

  DistributorNotices(DistributorRegistry registry, DistributorAcknowledgements acknowledgements, DistributorMail mail,
      BusinessCalendar calendar, Clock clock) {
    this.registry = registry;
    this.acknowledgements = acknowledgements;
    this.mail = mail;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * What a notice found when it went out.
   *
   * @param distributors how many distributors were told: none when the list has no active one
   * @param leadTime from the sending to the public disclosure (the advance notice, R14) or to the
   *     release (the release notice, R16)
   * @param minimumMissed the lead time is under the policy's minimum (7 days, 24 hours)
   */
  record Sent(int distributors, Duration leadTime, boolean minimumMissed) {}

  Sent send(NotificationKind kind, DelegateExecution execution) {
    Instant disclosure = PlanDates.instant(execution, PUBLIC_DISCLOSURE_AT);
    Instant release = PlanDates.instant(execution, RELEASE_AT);
    Instant releaseNoticeAt = PlanDates.instant(execution, RELEASE_NOTICE_AT);
    Instant now = clock.instant();
    String occasion = disclosure + "/" + release;
    boolean releaseNotice = kind == NotificationKind.RELEASE_NOTICE;
    Duration lead = Duration.between(now, releaseNotice ? release : disclosure);
    Duration minimum = releaseNotice ? DisclosurePlanner.RELEASE_NOTICE : DisclosurePlanner.ADVANCE_NOTICE;
    Map<String, Object> extra = new HashMap<>();
    extra.put("publicDisclosure", calendar.describe(disclosure));
    extra.put("release", calendar.describe(release));
    extra.put("leadTime", human(Duration.between(now, disclosure)));
    extra.put("releaseLeadTime", human(Duration.between(now, release)));
    extra.put("underSevenDays", Duration.between(now, disclosure).compareTo(DisclosurePlanner.ADVANCE_NOTICE) < 0);
    extra.put("underTwentyFourHours", Duration.between(now, release).compareTo(DisclosurePlanner.RELEASE_NOTICE) < 0);
    extra.put("releaseNoticeLater", releaseNoticeAt != null && releaseNoticeAt.isAfter(now.plus(SAME_TIME)));
    if (releaseNoticeAt != null) {
      extra.put("releaseNoticeDue", calendar.describe(releaseNoticeAt));
    }
    List<Distributor> distributors = registry.all().stream()
        .filter(distributor -> distributor.active() && distributor.removedAt() == null)
        .toList();
    List<String> waitingForKey = new ArrayList<>();
    String caseId = execution.getProcessBusinessKey();
    for (Distributor distributor : distributors) {
      if (acknowledgements.told(caseId, distributor.id(), kind, occasion) || acknowledgements.told(caseId,
          distributor.id(), NotificationKind.NOTICE_AWAITS_KEY, DistributorAcknowledgements.awaitingKey(kind, occasion))) {
        continue; // a retried job: this one (or the notice that it waits for a key) went already, with its link
      }
      Map<String, Object> message = new HashMap<>(extra);
      message.put("organisation", distributor.organisation());
      if (mail.send(kind, execution, distributor, message, occasion) == Delivery.WITHHELD) {
        waitingForKey.add(distributor.organisation());
      }
    }
    mail.alertWithheld(kind, execution, waitingForKey, occasion);
    log.info("{} of {} to {} distributor(s), {} before the {}", kind, execution.getProcessBusinessKey(),
        distributors.size(), human(lead), releaseNotice ? "release" : "disclosure");
    return new Sent(distributors.size(), lead, lead.compareTo(minimum) < 0);
  }

  /** "6 days 23 hours 58 minutes": the real lead time, rounded down, on record in the message. */
  static String human(Duration duration) {
    Duration positive = duration.isNegative() ? Duration.ZERO : duration;
    return positive.toDays() + " days " + positive.toHoursPart() + " hours " + positive.toMinutesPart() + " minutes";
  }
}
