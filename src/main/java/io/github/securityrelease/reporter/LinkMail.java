package io.github.securityrelease.reporter;

import io.github.securityrelease.notification.Notice;
import io.github.securityrelease.notification.Notification;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.notification.NotificationLedger;
import io.github.securityrelease.notification.Notifier;
import io.github.securityrelease.web.PublicUrl;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Mails a link to the reporter's page, once, whichever engine job (a retry, a second node)
 * sends it. The ledger keeps the first text of a notice, and the token in it is known nowhere
 * else: so a mail already on record is sent as recorded, never rendered again; otherwise a
 * link is minted (its row committed) before the text that carries it is rendered, so that
 * every token that reaches the ledger or a mail works.
 */
@Component
class LinkMail {

  static final String PAGE_PATH = "/reporter/";
  /** The link in a template's model. */
  static final String PAGE_URL = "reporterPageUrl";

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
    Optional<Notice> recorded = recorded(kind, caseId, reporter, since);
    Notice notice = recorded.isPresent()
        // the text on record, in the thread a new rendering has (the ledger keeps no thread)
        ? recorded.get().inThread(render.apply("").thread())
        : render.apply(publicUrl.link(PAGE_PATH + links.issue(caseId)));
    notifier.send(notice.on(occasion));
  }

  private Optional<Notice> recorded(NotificationKind kind, String caseId, String reporter, Instant since) {
    return ledger.findByCase(caseId).stream()
        .filter(row -> row.kind() == kind && row.recipients().equals(List.of(reporter)))
        .filter(row -> since == null || !row.createdAt().isBefore(since))
        .findFirst()
        .map(LinkMail::asRecorded);
  }

  private static Notice asRecorded(Notification row) {
    return new Notice(row.kind(), row.caseId(), row.recipients(), row.subject(), row.body());
  }
}
