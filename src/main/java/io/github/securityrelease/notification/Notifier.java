package io.github.securityrelease.notification;

import io.github.securityrelease.cluster.Node;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 *
 * <p>Several nodes may run the same job (one died holding it, or its lock ran out): a node
 * claims the notice in the ledger before the SMTP server sees it, so that only one sends it.
 * What no database can settle is a node that dies after the SMTP server took the message and
 * before the ledger says SENT; the notice then goes again after {@code claim-timeout}, with the
 * same Message-ID ({@code <notification-ID.CASE@sender's domain>}), by which mail systems and
 * readers can tell the copy.
 */
@Component
public class Notifier {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);
  private static final Pattern OUR_MESSAGE_ID = Pattern.compile("<notification-(\\d{1,18})\\.([^@<>\\s]{1,64})@([^@<>\\s]+)>");

  private final NotificationLedger ledger;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final NotificationProperties properties;
  private final Node node;
  private final PgpMime pgpMime;

  Notifier(NotificationLedger ledger, ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties,
      Node node, PgpMime pgpMime) {
    this.ledger = ledger;
    this.mailSender = mailSender;
    this.properties = properties;
    this.node = node;
    this.pgpMime = pgpMime;
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
    if (!ledger.claim(row.id(), node.name(), properties.claimTimeout())) {
      Notification now = ledger.find(row.id()).orElseThrow();
      if (now.status().isSettled()) {
        log.info("{} of {} was {} by node {} meanwhile (ledger row {})", notice.kind(), notice.caseId(), now.status(),
            now.node(), row.id());
        return;
      }
      throw new NoticeInFlightException(notice, now);
    }
    if (row.status() == NotificationStatus.SENDING) {
      log.warn("{} of {}: node {} began to send it and did not finish (ledger row {}); sent again, same Message-ID",
          notice.kind(), notice.caseId(), row.node(), row.id());
    }
    try {
      sender.send(message(sender, notice, row.id()));
      ledger.markSent(row.id());
      log.info("{} of {} sent to {} recipient(s) (ledger row {})", notice.kind(), notice.caseId(),
          notice.recipients().size(), row.id());
    } catch (MailException | IllegalArgumentException e) {
      ledger.markFailed(row.id(), e.getMessage());
      throw e;
    }
  }

  private MimeMessage message(JavaMailSender sender, Notice notice, long id) {
    MimeMessage message = sender.createMimeMessage();
    try {
      // kept by JavaMailSenderImpl: the same notice has the same Message-ID, however often sent
      message.setHeader("Message-ID", messageId(id, notice.caseId()));
      if (notice.thread() != null) {
        // a Message-ID's shape only (Notice checks it): nothing of it can end the header
        message.setHeader("In-Reply-To", notice.thread());
        message.setHeader("References", notice.thread());
      }
      if (notice.kind() != NotificationKind.REPORTER_MESSAGE) {
        // RFC 3834: no autoresponder answers it, and no inbox (the service's own, should the mail
        // reach the security address) takes it for a report or an answer; a person's message is a person's
        message.setHeader("Auto-Submitted", "auto-generated");
      }
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(properties.sender());
      helper.setTo(notice.recipients().toArray(String[]::new));
      if (notice.encryptTo().isEmpty()) {
        helper.setSubject(notice.subject());
        helper.setText(notice.mailBody(), false);
      } else {
        helper.setSubject(encryptedSubject(notice));
        message.setContent(pgpMime.encrypted(protectedContent(notice), notice.encryptTo()));
      }
      return message;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new MailPreparationException("Cannot build the " + notice.kind() + " message of " + notice.caseId(), e);
    }
  }

  /**
   * R27: the subject of an encrypted notice, which travels in clear (RFC 3156 leaves the headers
   * alone): the prefix and the case ID, nothing of the embargoed content. The real one is inside.
   */
  static String encryptedSubject(Notice notice) {
    return "[EMBARGOED] Encrypted notice " + notice.caseId();
  }

  /**
   * The part that is encrypted: the text and, as protected headers (the convention of Enigmail,
   * Thunderbird and others), the real subject, which such readers show in place of the outer one.
   */
  private MimeBodyPart protectedContent(Notice notice) throws MessagingException, UnsupportedEncodingException {
    ProtectedPart content = new ProtectedPart();
    content.setText(notice.mailBody(), "UTF-8");
    content.setHeader("Content-Type", "text/plain; charset=UTF-8; protected-headers=\"v1\"");
    content.setHeader("Subject", MimeUtility.fold(9, MimeUtility.encodeText(notice.subject(), "UTF-8", null)));
    content.setHeader("From", properties.sender());
    content.setHeader("To", String.join(", ", notice.recipients()));
    content.updateHeaders();
    return content;
  }

  /** A part whose headers (its transfer encoding) are set before it is written into the encryption, not at sending. */
  private static final class ProtectedPart extends MimeBodyPart {
    @Override
    protected void updateHeaders() throws MessagingException {
      super.updateHeaders();
    }
  }

  /** The Message-ID of the ledger's row {@code id}: the same at every attempt to send it. */
  String messageId(long id, String caseId) {
    return "<notification-" + id + "." + caseId + "@" + domain() + ">";
  }

  /**
   * The case of a mail the service sent, by its Message-ID: the ledger's row must exist and be
   * of that case, so that a made-up Message-ID names no case. Empty for any other Message-ID.
   */
  public Optional<String> caseOf(String messageId) {
    return sentAs(messageId).map(Notification::caseId);
  }

  /**
   * The ledger's row of a mail the service sent, by its Message-ID, on the same terms as
   * {@link #caseOf}: the row must exist and be of the case the Message-ID names.
   */
  public Optional<Notification> sentAs(String messageId) {
    Matcher ours = OUR_MESSAGE_ID.matcher(messageId == null ? "" : messageId);
    if (!ours.matches() || !ours.group(3).equalsIgnoreCase(domain())) {
      return Optional.empty();
    }
    String caseId = ours.group(2);
    return ledger.find(Long.parseLong(ours.group(1))).filter(row -> caseId.equals(row.caseId()));
  }

  private String domain() {
    String from = properties.sender();
    int at = from.lastIndexOf('@');
    return at < 0 || at == from.length() - 1 ? "security-release.invalid" : from.substring(at + 1);
  }

  /** Another node is sending the notice right now: the job fails and is retried later. */
  static final class NoticeInFlightException extends IllegalStateException {
    NoticeInFlightException(Notice notice, Notification row) {
      super(notice.kind() + " of " + notice.caseId() + " is being sent by node " + row.node() + " (ledger row "
          + row.id() + "); tried again later");
    }
  }
}
