package io.github.securityrelease.reporter;

import io.github.securityrelease.notification.Notice;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.notification.NotificationLedger;
import io.github.securityrelease.notification.Notifier;
import io.github.securityrelease.web.PublicUrl;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Mails a link to the reporter's page, once. The token is kept nowhere but as a hash (R28): the
 * ledger records the mail with the link's token left out, and only the mail carries it. So a
 * notice already settled (sent, or kept as undelivered) mints nothing; otherwise a link is minted,
 * its row committed, before the mail that carries it goes. A retry after a failed delivery mints
 * a new link: the failed attempt's may have reached the reporter after all (the SMTP server took
 * it, the ledger did not hear), so both work until the team revokes the case's links.
 */
@Component
class LinkMail {

  static final String PAGE_PATH = "/reporter/";
  /** The link in a template's model. */
  static final String PAGE_URL = "reporterPageUrl";
  /** What the ledger shows in place of the token. */
  static final String OFF_RECORD = "(sent to the reporter alone: the link is kept nowhere)";

  private final ReporterLinks links;
  private final NotificationLedger ledger;
  private final Notifier notifier;
  private final PublicUrl publicUrl;

  LinkMail(ReporterLinks links, NotificationLedger ledger, Notifier notifier, PublicUrl publicUrl) {
    this.links = links;
    this.ledger = ledger;
    this.notifier = notifier;
    this.publicUrl = publicUrl;
  }

  /**
   * @param since when this mail was asked for: a notice of the same kind to the reporter recorded
   *     since then is this mail (an earlier one is an earlier link's)
   * @param occasion what makes this mail new beside earlier ones of its kind (see {@link Notice#occasion()})
   * @param render the notice with the link it is given, to the reporter
   */
  void send(NotificationKind kind, String caseId, String reporter, Instant since, String occasion,
      Function<String, Notice> render) {
    if (settled(kind, caseId, reporter, since)) {
      return;
    }
    String token = links.issue(caseId);
    String url = publicUrl.link(PAGE_PATH + token);
    notifier.send(render.apply(url).on(occasion).keepingOffRecord(token, OFF_RECORD));
  }

  private boolean settled(NotificationKind kind, String caseId, String reporter, Instant since) {
    return ledger.findByCase(caseId).stream()
        .filter(row -> row.kind() == kind && row.recipients().equals(List.of(reporter)))
        .filter(row -> since == null || !row.createdAt().isBefore(since))
        .anyMatch(row -> row.status().isSettled());
  }
}
