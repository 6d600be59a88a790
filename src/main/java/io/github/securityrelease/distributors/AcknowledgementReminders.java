package io.github.securityrelease.distributors;

import static io.github.securityrelease.cases.CaseVariables.DISCLOSED_AT;

import io.github.securityrelease.cases.BusinessCalendar;
import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.distributors.DistributorAcknowledgements.Sent;
import io.github.securityrelease.notification.MailTemplates;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.notification.Notifier;
import io.github.securityrelease.security.EngineIdentity;
import io.github.securityrelease.team.SecurityTeam;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * R29: a distributor that has not acknowledged the advance notice {@code acknowledgement-due}
 * after it was sent is reminded once, with a link to its page, and the team is alerted, naming
 * the distributors. A check every {@code reminder-check-interval} on every node, not a timer in
 * the case's model: the reminder is per distributor, outlives no case (a disclosed or ended case
 * reminds nobody) and keeps no case's process waiting. Once is the notification ledger's: the
 * reminder and the alert are notices with an occasion of their own, which two nodes cannot both
 * send. The reminder carries no embargoed detail, only the case's ID and the link. A distributor
 * whose advance notice waits for its OpenPGP key ({@code require-encryption}) is reminded alike:
 * it was told of the case and can acknowledge that.
 */
@Component
class AcknowledgementReminders implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AcknowledgementReminders.class);
  private static final String OCCASION = "acknowledgement-reminder";

  private final DistributorAcknowledgements acknowledgements;
  private final DistributorRegistry registry;
  private final Cases cases;
  private final EngineIdentity engineIdentity;
  private final MailTemplates templates;
  private final Notifier notifier;
  private final SecurityTeam team;
  private final BusinessCalendar calendar;
  private final AcknowledgementProperties properties;
  private final Clock clock;
  private ScheduledExecutorService checker;

  AcknowledgementReminders(DistributorAcknowledgements acknowledgements, DistributorRegistry registry, Cases cases,
      EngineIdentity engineIdentity, MailTemplates templates, Notifier notifier, SecurityTeam team,
      BusinessCalendar calendar, AcknowledgementProperties properties, Clock clock) {
    this.acknowledgements = acknowledgements;
    this.registry = registry;
    this.cases = cases;
    this.engineIdentity = engineIdentity;
    this.templates = templates;
    this.notifier = notifier;
    this.team = team;
    this.calendar = calendar;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Reminds every distributor whose advance notice is overdue, once, and alerts the team per
   * case. The checker calls it; so may a test, after moving the engine clock.
   *
   * @return the distributors reminded now, by case
   */
  synchronized Map<String, List<String>> remindDue() {
    Instant overdue = clock.instant().minus(properties.acknowledgementDue());
    Map<String, List<String>> reminded = new LinkedHashMap<>();
    for (Sent advance : acknowledgements.unacknowledgedAdvanceNotices(overdue)) {
      Distributor distributor = registry.find(advance.distributorId())
          .filter(found -> found.active() && found.removedAt() == null).orElse(null);
      if (distributor == null || !caseOpen(advance.caseId())) {
        continue;
      }
      String token = acknowledgements.issueToken(advance.caseId(), distributor.id());
      Map<String, Object> model = new HashMap<>();
      model.put("caseId", advance.caseId());
      model.put("organisation", distributor.organisation());
      model.put("sentAt", calendar.describe(advance.sentAt()));
      model.put("acknowledgeUrl", acknowledgements.url(token));
      model.put("awaitingKey", advance.kind() == NotificationKind.NOTICE_AWAITS_KEY);
      notifier.send(templates.render(NotificationKind.ACKNOWLEDGEMENT_REMINDER, advance.caseId(),
              distributor.contacts(), model).on(OCCASION)
          .keepingOffRecord(token, DistributorAcknowledgements.OFF_RECORD));
      acknowledgements.sent(advance.caseId(), distributor.id(), NotificationKind.ACKNOWLEDGEMENT_REMINDER, OCCASION);
      reminded.computeIfAbsent(advance.caseId(), caseId -> new ArrayList<>()).add(distributor.organisation());
    }
    reminded.forEach(this::alertTeam);
    return reminded;
  }

  private void alertTeam(String caseId, List<String> organisations) {
    List<String> members = team.memberEmails();
    if (members.isEmpty()) {
      log.warn("No member of the security team to alert of {} unacknowledged advance notice(s) of {}",
          organisations.size(), caseId);
      return;
    }
    notifier.send(templates.render(NotificationKind.DISTRIBUTOR_ACKNOWLEDGEMENT_OVERDUE_ALERT, caseId, members,
        Map.of("caseId", caseId, "count", organisations.size(), "distributors", organisations,
            "due", properties.acknowledgementDue().toString().substring(2).toLowerCase(Locale.ROOT)))
        .on(OCCASION + " " + String.join(",", organisations)));
  }

  /** A case not disclosed and not ended: a reminder about a public case helps nobody. */
  private boolean caseOpen(String caseId) {
    return engineIdentity.runAsService(() -> cases.find(caseId)
        .filter(instance -> instance.getEndTime() == null)
        .map(instance -> cases.variables(instance, DISCLOSED_AT).get(DISCLOSED_AT) == null)
        .orElse(false));
  }

  private void remindSafely() {
    try {
      remindDue();
    } catch (RuntimeException e) {
      // the next check tries again; a reminder that failed to go is not on record as sent
      log.warn("The check for unacknowledged advance notices failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void start() {
    checker = Executors.newSingleThreadScheduledExecutor(work -> {
      Thread thread = new Thread(work, "acknowledgement-reminders");
      thread.setDaemon(true);
      return thread;
    });
    long interval = Math.max(1, properties.reminderCheckInterval().toMillis());
    checker.scheduleWithFixedDelay(this::remindSafely, interval, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (checker != null) {
      checker.shutdownNow();
      checker = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return checker != null;
  }
}
