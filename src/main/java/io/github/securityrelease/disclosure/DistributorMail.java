package io.github.securityrelease.disclosure;

import io.github.securityrelease.distributors.Distributor;
import io.github.securityrelease.distributors.DistributorAcknowledgements;
import io.github.securityrelease.distributors.DistributorKeys;
import io.github.securityrelease.distributors.OpenPgpKey;
import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.Notice;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.notification.Notifier;
import io.github.securityrelease.notification.OpenPgpProperties;
import io.github.securityrelease.notification.PgpMime;
import io.github.securityrelease.team.SecurityTeam;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * One embargoed notice to one distributor (R14, R16, R27): encrypted to its keys valid now and
 * signed with the service's key (PGP/MIME); with none, in clear, or, when
 * {@code security-release.distributors.require-encryption} is set, withheld: the distributor
 * hears only that a notice waits for its key, and the team is alerted once per notice. Either
 * mail carries a link of the distributor's own to acknowledge it (R29: each mail its own link
 * to the same page, since only the link's hash is kept; the ledger keeps the text without it), and
 * goes on the distributor's record of the case: the notice under its kind, the waiting one as
 * {@code NOTICE_AWAITS_KEY} (a withheld advance notice is still one the distributor is reminded of).
 */
@Component
class DistributorMail {

  /** How a notice reached a distributor. */
  enum Delivery { ENCRYPTED, CLEAR, WITHHELD }

  private final DistributorKeys keys;
  private final PgpMime pgpMime;
  private final OpenPgpProperties properties;
  private final CaseMail mail;
  private final Notifier notifier;
  private final DistributorAcknowledgements acknowledgements;
  private final SecurityTeam team;
  private final Clock clock;

  DistributorMail(DistributorKeys keys, PgpMime pgpMime, OpenPgpProperties properties, CaseMail mail, Notifier notifier,
      DistributorAcknowledgements acknowledgements, SecurityTeam team, Clock clock) {
    this.keys = keys;
    this.pgpMime = pgpMime;
    this.properties = properties;
    this.mail = mail;
    this.notifier = notifier;
    this.acknowledgements = acknowledgements;
    this.team = team;
    this.clock = clock;
  }

  /** {@code kind} to {@code distributor}'s contacts, once per {@code occasion}: its text from {@code model}. */
  Delivery send(NotificationKind kind, DelegateExecution execution, Distributor distributor, Map<String, Object> model,
      String occasion) {
    List<String> valid = validKeys(distributor, clock.instant());
    if (!valid.isEmpty() || !properties.requireEncryption()) {
      Notice notice = withLink(kind, execution, distributor, model, occasion);
      notifier.send(valid.isEmpty() ? notice : notice.encryptedTo(valid));
      acknowledgements.sent(execution.getProcessBusinessKey(), distributor.id(), kind, occasion);
      return valid.isEmpty() ? Delivery.CLEAR : Delivery.ENCRYPTED;
    }
    String awaiting = DistributorAcknowledgements.awaitingKey(kind, occasion);
    notifier.send(withLink(NotificationKind.NOTICE_AWAITS_KEY, execution, distributor, Map.of(
        "organisation", distributor.organisation(),
        "noticeName", noticeName(kind),
        "noticeArticle", kind == NotificationKind.ADVANCE_NOTICE ? "an" : "a"), awaiting));
    acknowledgements.sent(execution.getProcessBusinessKey(), distributor.id(), NotificationKind.NOTICE_AWAITS_KEY,
        awaiting);
    return Delivery.WITHHELD;
  }

  /**
   * {@code kind} rendered for {@code distributor} with a new link of its own in it (R29); the
   * ledger's copy has the token left out.
   */
  private Notice withLink(NotificationKind kind, DelegateExecution execution, Distributor distributor,
      Map<String, Object> model, String occasion) {
    String token = acknowledgements.issueToken(execution.getProcessBusinessKey(), distributor.id());
    Map<String, Object> withLink = new HashMap<>(model);
    withLink.put("acknowledgeUrl", acknowledgements.url(token));
    return mail.render(kind, execution, distributor.contacts(), withLink).on(occasion)
        .keepingOffRecord(token, DistributorAcknowledgements.OFF_RECORD);
  }

  /** R27: the team, and only the team, hears which distributors a notice waits for; nothing when none. */
  void alertWithheld(NotificationKind kind, DelegateExecution execution, List<String> organisations, String occasion) {
    if (organisations.isEmpty()) {
      return;
    }
    mail.send(NotificationKind.NOTICE_AWAITS_KEY_ALERT, execution, team.memberEmails(), Map.of(
        "noticeName", noticeName(kind),
        "waiting", organisations,
        "waitingCount", organisations.size()), kind + " " + occasion);
  }

  /** The armoured keys of {@code distributor} a notice can be encrypted to at {@code at}. */
  private List<String> validKeys(Distributor distributor, Instant at) {
    return pgpMime.usable(keys.of(distributor.id()).stream().filter(key -> key.validAt(at))
        .map(OpenPgpKey::armoured).toList(), at);
  }

  static String noticeName(NotificationKind kind) {
    return switch (kind) {
      case ADVANCE_NOTICE -> "advance notice";
      case RELEASE_NOTICE -> "release notice";
      case DISCLOSURE_RESCHEDULED -> "notice of a new disclosure date";
      case EMBARGO_BROKEN -> "notice of the embargo break";
      default -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }
}
