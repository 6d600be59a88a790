package io.github.securityrelease.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a notice once: on record in the ledger first, then over SMTP when a mail server is
 * configured ({@code spring.mail.host}). A failed delivery is recorded and thrown, so that
 * the engine job that asked for it retries and, in the end, raises an incident.
 */
@Component
public class Notifier {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);

  private final NotificationLedger ledger;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final NotificationProperties properties;

  Notifier(NotificationLedger ledger, ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
    this.ledger = ledger;
    this.mailSender = mailSender;
    this.properties = properties;
  }

  public void send(Notice notice) {
    Notification row = ledger.recordOnce(notice);
    if (row.status().isSettled()) {
      log.info("{} of {} is {} already (ledger row {}): not sent again", notice.kind(), notice.caseId(),
          row.status(), row.id());
      return;
    }
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      ledger.markUndelivered(row.id());
      log.warn("No mail server configured (spring.mail.host): {} of {} kept on record as undelivered",
          notice.kind(), notice.caseId());
      return;
    }
    ledger.markAttempt(row.id());
    try {
      sender.send(message(sender, notice));
      ledger.markSent(row.id());
      log.info("{} of {} sent to {} recipient(s) (ledger row {})", notice.kind(), notice.caseId(),
          notice.recipients().size(), row.id());
    } catch (MailException | IllegalArgumentException e) {
      ledger.markFailed(row.id(), e.getMessage());
      throw e;
    }
  }

  private MimeMessage message(JavaMailSender sender, Notice notice) {
    MimeMessage message = sender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(properties.sender());
      helper.setTo(notice.recipients().toArray(String[]::new));
      helper.setSubject(notice.subject());
      helper.setText(notice.body(), false);
      return message;
    } catch (MessagingException e) {
      throw new MailPreparationException("Cannot build the " + notice.kind() + " message of " + notice.caseId(), e);
    }
  }
}
