package io.github.securityrelease.inbox;

import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.distributors.MailedAcknowledgements;
import io.github.securityrelease.notification.Notification;
import io.github.securityrelease.notification.Notifier;
import io.github.securityrelease.security.EngineIdentity;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The case a mail answers (R28), so that it joins that case's conversation and is never a new
 * case: a Message-ID it names ({@code In-Reply-To}, {@code References}) is a mail the service
 * sent about the case (its ledger row exists, of that case) or a mail of the case the inbox read
 * (the report, an earlier answer); else the case's tag {@code [SEC-YYYY-NNNN]} in the subject
 * names an existing case. A made-up Message-ID or tag names no case. A reply to a notice to a
 * distributor is no message of the case (R29, R27): {@link #distributorNotice} finds it first.
 */
@Component
class CaseThreads implements MailReading.Threads {

  private static final Pattern TAG = Pattern.compile("\\[(SEC-\\d{4}-\\d{4,9})\\]");

  private final Notifier notifier;
  private final InboxLedger ledger;
  private final Cases cases;
  private final EngineIdentity engineIdentity;

  CaseThreads(Notifier notifier, InboxLedger ledger, Cases cases, EngineIdentity engineIdentity) {
    this.notifier = notifier;
    this.ledger = ledger;
    this.cases = cases;
    this.engineIdentity = engineIdentity;
  }

  /** R29: a Message-ID of a notice the service sent to a distributor (its ledger row, of its case). */
  @Override
  public Optional<Notification> distributorNotice(List<String> referenced) {
    return referenced.stream()
        .map(notifier::sentAs)
        .flatMap(Optional::stream)
        .filter(notice -> MailedAcknowledgements.NOTICES.contains(notice.kind()))
        .findFirst();
  }

  @Override
  public Optional<String> caseOf(List<String> referenced, String subject) {
    for (String messageId : referenced) {
      Optional<String> caseId = notifier.caseOf(messageId).or(() -> ledger.caseOfMail(messageId));
      if (caseId.isPresent()) {
        return caseId;
      }
    }
    Matcher tag = TAG.matcher(subject == null ? "" : subject);
    while (tag.find()) {
      String caseId = tag.group(1);
      if (engineIdentity.runAsService(() -> cases.exists(caseId))) {
        return Optional.of(caseId);
      }
    }
    return Optional.empty();
  }
}
