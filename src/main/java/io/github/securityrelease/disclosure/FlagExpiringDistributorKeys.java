package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.PUBLIC_DISCLOSURE_AT;

import io.github.securityrelease.distributors.ExpiringKeys;
import io.github.securityrelease.distributors.ExpiringKeys.Expiring;
import io.github.securityrelease.distributors.OpenPgpKey;
import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.team.SecurityTeam;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R14, R16 on submit of "Plan disclosure", after {@code checkDisclosurePlan} took the plan: a
 * distributor whose every OpenPGP key expires before the public disclosure could not get the
 * notices encrypted until then, so the team is alerted now, while there is time to ask it for a
 * new key. One alert per planned disclosure date; nothing when no key runs out.
 */
@Component("flagExpiringDistributorKeys")
class FlagExpiringDistributorKeys implements TaskListener {

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private final ExpiringKeys expiring;
  private final CaseMail mail;
  private final SecurityTeam team;

  FlagExpiringDistributorKeys(ExpiringKeys expiring, CaseMail mail, SecurityTeam team) {
    this.expiring = expiring;
    this.mail = mail;
    this.team = team;
  }

  @Override
  public void notify(DelegateTask task) {
    Instant disclosure = PlanDates.instant(task, PUBLIC_DISCLOSURE_AT);
    List<Expiring> distributors = expiring.before(disclosure);
    if (distributors.isEmpty()) {
      return;
    }
    List<Map<String, Object>> rows = distributors.stream()
        .map(distributor -> Map.<String, Object>of("organisation", distributor.organisation(),
            "keys", distributor.keys().stream().map(FlagExpiringDistributorKeys::key).toList()))
        .toList();
    mail.send(NotificationKind.DISTRIBUTOR_KEY_EXPIRY_ALERT, task.getExecution(), team.memberEmails(),
        Map.of("distributors", rows), "keys expiring before " + disclosure);
  }

  private static Map<String, String> key(OpenPgpKey key) {
    return Map.of("fingerprint", key.fingerprint(), "expiresAt", UTC.format(key.expiresAt()));
  }
}
