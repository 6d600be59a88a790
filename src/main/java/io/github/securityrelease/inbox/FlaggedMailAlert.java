package io.github.securityrelease.inbox;

import io.github.securityrelease.notification.MailTemplates;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.notification.Notifier;
import io.github.securityrelease.team.SecurityTeam;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Tells the security team of a mail the inbox left in the mailbox, flagged (too large,
 * unreadable, or a reply to a distributor's notice that is encrypted or not the distributor's,
 * R29): who sent it, which mail it answers, its subject, size and why, never its body. Through the notification
 * ledger, once per mail: the ledger's case is the word {@value #LEDGER_CASE} (as the membership
 * mails use a user ID), the occasion the mail's key in {@code inbox_mail}.
 *
 * <p>Sent from the poller's thread. The mail is on record ({@code inbox_mail}) before, so a
 * failed alert loses nothing: {@link Inbox} leaves such a mail without its mark, the next
 * reading finds its row and calls this again, and the ledger sends what is not sent yet.
 */
@Component
@ConditionalOnProperty(prefix = "security-release.inbox", name = "url")
class FlaggedMailAlert {

  static final String LEDGER_CASE = "inbox";
  private static final Logger log = LoggerFactory.getLogger(FlaggedMailAlert.class);

  private final MailTemplates templates;
  private final Notifier notifier;
  private final SecurityTeam team;
  private final InboxProperties properties;

  FlaggedMailAlert(MailTemplates templates, Notifier notifier, SecurityTeam team, InboxProperties properties) {
    this.templates = templates;
    this.notifier = notifier;
    this.team = team;
    this.properties = properties;
  }

  static boolean flagged(MailReading.Outcome outcome) {
    return outcome == MailReading.Outcome.OVERSIZED || outcome == MailReading.Outcome.UNREADABLE
        || outcome == MailReading.Outcome.ENCRYPTED_REPLY || outcome == MailReading.Outcome.STRANGER_REPLY;
  }

  /**
   * Whether the team has been told (or there is nobody to tell): false when the alert failed
   * and must be tried again at the next reading.
   */
  boolean alert(String key, MimeMessage mail, MailReading.Outcome outcome) {
    List<String> recipients = team.memberEmails();
    if (recipients.isEmpty()) {
      log.warn("Mail {} of the inbox is {}: no member of the security team has an e-mail address to alert",
          key.substring(0, 12), outcome);
      return true;
    }
    try {
      Map<String, Object> model = Map.of(
          "why", why(outcome),
          "reply", outcome == MailReading.Outcome.ENCRYPTED_REPLY || outcome == MailReading.Outcome.STRANGER_REPLY,
          "inReplyTo", describe(() -> header(mail, "In-Reply-To"), 300),
          outcome.name(), true,
          "mailbox", properties.mailbox(),
          "maxSize", properties.maxSize().toString(),
          "from", describe(() -> header(mail, "From"), 300),
          "subject", describe(mail::getSubject, MailReading.TITLE),
          "size", describe(() -> size(mail), 100));
      notifier.send(templates.render(NotificationKind.INBOX_MAIL_FLAGGED_ALERT, LEDGER_CASE, recipients, model).on(key));
      return true;
    } catch (RuntimeException e) {
      // SMTP away, or another node sending it right now: the mail stays unmarked for the next reading
      log.warn("Alert of the flagged mail {} not sent, tried again at the next reading: {}", key.substring(0, 12),
          e.toString());
      return false;
    }
  }

  private static String why(MailReading.Outcome outcome) {
    return switch (outcome) {
      case OVERSIZED -> "too large";
      case ENCRYPTED_REPLY -> "an encrypted reply to a distributor's notice";
      case STRANGER_REPLY -> "a reply to a distributor's notice from another address";
      default -> "unreadable";
    };
  }

  private interface Value {
    String get() throws MessagingException;
  }

  /** A header of the untrusted mail as one inert line; what cannot be read says so. */
  private static String describe(Value value, int max) {
    try {
      String line = MailReading.line(value.get(), max);
      return line == null ? "(none)" : line;
    } catch (MessagingException | RuntimeException e) {
      return "(unreadable)";
    }
  }

  private static String header(MimeMessage mail, String name) throws MessagingException {
    return mail.getHeader(name, ", ");
  }

  private static String size(MimeMessage mail) throws MessagingException {
    int size = mail.getSize();
    return size < 0 ? null : String.format(java.util.Locale.ROOT, "%,d bytes", size);
  }
}
