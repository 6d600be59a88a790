package io.github.securityrelease.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.inbox.MailReading.Outcome;
import io.github.securityrelease.notification.Notification;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.notification.NotificationStatus;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** R29: how the inbox knows a distributor's reply to its notice, and what of it it hands on. */
class DistributorRepliesTest {

  private static final String NOTICE = "<notification-21.SEC-2026-0007@kurator.example>";

  private final MailReading reading = new MailReading(Set.of(), DataSize.ofMegabytes(5), DataSize.ofMegabytes(10));
  private final MailReading.Threads threads = new MailReading.Threads() {
    @Override
    public Optional<String> caseOf(List<String> referenced, String subject) {
      return Optional.of("SEC-2026-0007");
    }

    @Override
    public Optional<Notification> distributorNotice(List<String> referenced) {
      return referenced.contains(NOTICE) ? Optional.of(new Notification(21, "SEC-2026-0007",
          NotificationKind.ADVANCE_NOTICE, List.of("security@distro.example"), "Advance notice", "(body)",
          NotificationStatus.SENT, 1, null, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, "node-1")) : Optional.empty();
    }
  };

  @Test
  @DisplayName("R29 a reply to a distributor's notice is its acknowledgement, not a message of the case: its own text without the quote")
  void replyToNotice() throws Exception {
    MailReading.Reading read = reading.read(mail("From: Bob <security@distro.example>\nSubject: Re: Advance notice\n"
        + "In-Reply-To: " + NOTICE + "\n\nAffected\nWe ship 2.x.\n\n"
        + "On Mon, 1 Dec 2026 at 10:00, Security <security@kurator.example> wrote:\n> FIXED\n"), threads);

    assertThat(read.outcome()).isEqualTo(Outcome.ACKNOWLEDGEMENT);
    assertThat(read.answer()).isNull();
    assertThat(read.report()).isNull();
    assertThat(read.reply().caseId()).isEqualTo("SEC-2026-0007");
    assertThat(read.reply().from()).isEqualTo("security@distro.example");
    assertThat(read.reply().recipients()).containsExactly("security@distro.example");
    assertThat(read.reply().ownText()).isEqualTo("Affected\nWe ship 2.x.");
    assertThat(read.reply().encrypted()).isFalse();
  }

  @Test
  @DisplayName("R29 a PGP/MIME reply, and an inline OpenPGP one, cannot be read: encrypted, no text handed on")
  void encryptedReply() throws Exception {
    MailReading.Reading mime = reading.read(mail("From: security@distro.example\nSubject: Re: notice\n"
        + "References: " + NOTICE + "\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"b\"\n\n"
        + "--b\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n"
        + "--b\nContent-Type: application/octet-stream\n\n-----BEGIN PGP MESSAGE-----\nhQEM\n-----END PGP MESSAGE-----\n"
        + "--b--\n"), threads);
    MailReading.Reading inline = reading.read(mail("From: security@distro.example\nSubject: Re: notice\n"
        + "In-Reply-To: " + NOTICE + "\n\n-----BEGIN PGP MESSAGE-----\nhQEM\n-----END PGP MESSAGE-----\n"), threads);

    for (MailReading.Reading read : List.of(mime, inline)) {
      assertThat(read.outcome()).isEqualTo(Outcome.ENCRYPTED_REPLY);
      assertThat(read.reply().encrypted()).isTrue();
      assertThat(read.reply().ownText()).isEmpty();
      assertThat(FlaggedMailAlert.flagged(read.outcome())).isTrue();
    }
  }

  @Test
  @DisplayName("R29 an out-of-office answer to a notice acknowledges nothing; a reply to another mail of the case stays a message")
  void notAcknowledgements() throws Exception {
    MailReading.Reading away = reading.read(mail("From: security@distro.example\nSubject: Away\nAuto-Submitted: auto-replied\n"
        + "In-Reply-To: " + NOTICE + "\n\nFIXED\n"), threads);
    MailReading.Reading other = reading.read(mail("From: ada@example.net\nSubject: Re: your report\n"
        + "In-Reply-To: <notification-3.SEC-2026-0007@kurator.example>\n\nMore logs.\n"), threads);

    assertThat(away.outcome()).isEqualTo(Outcome.AUTO_REPLY);
    assertThat(away.reply()).isNull();
    assertThat(other.outcome()).isEqualTo(Outcome.MESSAGE);
    assertThat(other.reply()).isNull();
  }

  private static MimeMessage mail(String raw) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
  }
}
