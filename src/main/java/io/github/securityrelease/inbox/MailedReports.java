package io.github.securityrelease.inbox;

import io.github.securityrelease.conversation.Conversation;
import io.github.securityrelease.conversation.Message;
import io.github.securityrelease.intake.ReportIntake;
import io.github.securityrelease.notification.MessageIds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a mail on record: its row in {@code inbox_mail} and, for a report, its case and the files
 * kept, for an answer its message in the case's conversation (R28), in one transaction.
 */
@Service
class MailedReports {

  private final ReportIntake intake;
  private final InboxLedger ledger;
  private final ReportAttachments attachments;
  private final Conversation conversation;

  MailedReports(ReportIntake intake, InboxLedger ledger, ReportAttachments attachments, Conversation conversation) {
    this.intake = intake;
    this.ledger = ledger;
    this.attachments = attachments;
    this.conversation = conversation;
  }

  /**
   * The case ID of a report or an answer, null for a mail that is neither. Throws {@code DuplicateKeyException}
   * when the mail is on record already (two nodes read it at once): then neither its case nor a
   * case ID is left behind, as the transaction rolls back.
   */
  @Transactional
  public String record(String key, String messageId, MailReading.Reading reading) {
    String threadId = MessageIds.safe(messageId).orElse(null);
    MailReading.Answer answer = reading.answer();
    String caseId;
    if (answer != null) {
      // the inbox's key is the message's: one mail is one message, however often read
      conversation.receive(answer.caseId(), answer.from(), answer.text(), Message.Source.MAIL, key, threadId);
      caseId = answer.caseId();
    } else {
      caseId = reading.report() == null ? null : intake.receive(reading.report(), threadId).caseId();
      if (caseId != null) {
        attachments.store(caseId, reading.attachments());
      }
    }
    ledger.record(key, messageId, reading.outcome(), caseId);
    return caseId;
  }
}
