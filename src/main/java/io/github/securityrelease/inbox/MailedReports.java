package io.github.securityrelease.inbox;

import io.github.securityrelease.intake.ReportIntake;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a mail on record: its row in {@code inbox_mail} and, for a report, its case and the files
 * kept, in one transaction.
 */
@Service
class MailedReports {

  private final ReportIntake intake;
  private final InboxLedger ledger;
  private final ReportAttachments attachments;

  MailedReports(ReportIntake intake, InboxLedger ledger, ReportAttachments attachments) {
    this.intake = intake;
    this.ledger = ledger;
    this.attachments = attachments;
  }

  /**
   * The case ID of a report, null for a mail that is none. Throws {@code DuplicateKeyException}
   * when the mail is on record already (two nodes read it at once): then neither its case nor a
   * case ID is left behind, as the transaction rolls back.
   */
  @Transactional
  public String record(String key, String messageId, MailReading.Reading reading) {
    String caseId = reading.report() == null ? null : intake.receive(reading.report()).caseId();
    if (caseId != null) {
      attachments.store(caseId, reading.attachments());
    }
    ledger.record(key, messageId, reading.outcome(), caseId);
    return caseId;
  }
}
