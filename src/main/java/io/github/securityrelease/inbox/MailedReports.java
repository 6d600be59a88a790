package io.github.securityrelease.inbox;

import io.github.securityrelease.intake.ReportIntake;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts a mail on record: its row in {@code inbox_mail} and, for a report, its case, in one transaction. */
@Service
class MailedReports {

  private final ReportIntake intake;
  private final InboxLedger ledger;

  MailedReports(ReportIntake intake, InboxLedger ledger) {
    this.intake = intake;
    this.ledger = ledger;
  }

  /**
   * The case ID of a report, null for a mail that is none. Throws {@code DuplicateKeyException}
   * when the mail is on record already (two nodes read it at once): then neither its case nor a
   * case ID is left behind, as the transaction rolls back.
   */
  @Transactional
  public String record(String key, String messageId, MailReading.Reading reading) {
    String caseId = reading.report() == null ? null : intake.receive(reading.report()).caseId();
    ledger.record(key, messageId, reading.outcome(), caseId);
    return caseId;
  }
}
