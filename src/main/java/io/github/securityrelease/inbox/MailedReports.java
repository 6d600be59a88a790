package io.github.securityrelease.inbox;

import io.github.securityrelease.conversation.Conversation;
import io.github.securityrelease.conversation.Message;
import io.github.securityrelease.distributors.MailedAcknowledgements;
import io.github.securityrelease.intake.ReportIntake;
import io.github.securityrelease.notification.MessageIds;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a mail on record: its row in {@code inbox_mail} and, for a report, its case and the files
 * kept, for an answer its message in the case's conversation (R28), for a distributor's reply to
 * its notice its acknowledgement (R29), in one transaction.
 */
@Service
class MailedReports {

  private final ReportIntake intake;
  private final InboxLedger ledger;
  private final ReportAttachments attachments;
  private final Conversation conversation;
  private final MailedAcknowledgements acknowledgements;

  MailedReports(ReportIntake intake, InboxLedger ledger, ReportAttachments attachments, Conversation conversation,
      MailedAcknowledgements acknowledgements) {
    this.intake = intake;
    this.ledger = ledger;
    this.attachments = attachments;
    this.conversation = conversation;
    this.acknowledgements = acknowledgements;
  }

  /**
   * What became of the mail: the case ID of a report, an answer or an acknowledgement, null for
   * a mail that is none. Throws {@code DuplicateKeyException} when the mail is on record already
   * (two nodes read it at once): then neither its case nor a case ID is left behind, as the
   * transaction rolls back.
   */
  @Transactional
  public InboxLedger.Entry record(String key, String messageId, MailReading.Reading reading) {
    if (reading.reply() != null) {
      return acknowledgement(key, messageId, reading);
    }
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
    return new InboxLedger.Entry(reading.outcome(), caseId);
  }

  /**
   * R29: the reply's row first (a second node's reading of the same mail stops there), then the
   * distributor's acknowledgement. A reply that is not the distributor's is recorded nothing of
   * but its row, flagged; so is an encrypted one, whose "received" is recorded: the team reads it.
   */
  private InboxLedger.Entry acknowledgement(String key, String messageId, MailReading.Reading reading) {
    MailedAcknowledgements.Reply reply = reading.reply();
    Optional<MailedAcknowledgements.Sender> sender = acknowledgements.sender(reply);
    MailReading.Outcome outcome = sender.isEmpty() ? MailReading.Outcome.STRANGER_REPLY : reading.outcome();
    // a flagged mail has no case on its row: it stays unseen in the mailbox for the team
    String caseId = outcome == MailReading.Outcome.ACKNOWLEDGEMENT ? reply.caseId() : null;
    ledger.record(key, messageId, outcome, caseId);
    sender.ifPresent(distributor -> acknowledgements.record(reply, distributor));
    return new InboxLedger.Entry(outcome, caseId);
  }
}
