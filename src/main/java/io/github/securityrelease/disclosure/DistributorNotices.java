package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;

import io.github.securityrelease.distributors.Distributor;
import io.github.securityrelease.distributors.DistributorRegistry;
import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.release.BusinessCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * A notice goes once per distributor and per planned date.
 */
@Component
class DistributorNotices {

  private static final Logger log = LoggerFactory.getLogger(DistributorNotices.class);

  private final DistributorRegistry registry;
  private final CaseMail mail;
  private final BusinessCalendar calendar;
  private final Clock clock;

  DistributorNotices(DistributorRegistry registry, CaseMail mail, BusinessCalendar calendar, Clock clock) {
    this.registry = registry;
    this.mail = mail;
    this.calendar = calendar;
    this.clock = clock;
  }

  void send(NotificationKind kind, DelegateExecution execution) {
    Instant disclosure = PlanDates.instant(execution, PUBLIC_DISCLOSURE_AT);
    Instant release = PlanDates.instant(execution, RELEASE_AT);
    Instant now = clock.instant();
    String occasion = disclosure + "/" + release;
    List<Distributor> distributors = registry.all().stream()
        .filter(distributor -> distributor.active() && distributor.removedAt() == null)
        .toList();
    for (Distributor distributor : distributors) {
      Map<String, Object> extra = Map.of(
          "organisation", distributor.organisation(),
          "publicDisclosure", calendar.describe(disclosure),
          "release", calendar.describe(release),
          "leadTime", human(Duration.between(now, disclosure)));
      mail.send(kind, execution, distributor.contacts(), extra, occasion);
    }
    log.info("{} of {} to {} distributor(s), {} before the disclosure", kind, execution.getProcessBusinessKey(),
        distributors.size(), human(Duration.between(now, disclosure)));
  }

  /** "7 days 0 hours": the real lead time, on record in the message. */
  static String human(Duration duration) {
    Duration positive = duration.isNegative() ? Duration.ZERO : duration;
    return positive.toDays() + " days " + positive.toHoursPart() + " hours";
  }
}
