package io.github.securityrelease.inbox;

import static io.github.securityrelease.TestCases.assertCompleted;
import static io.github.securityrelease.TestSmtp.mail;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.distributors.TestAcknowledgements;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestDistributors;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.notification.Notification;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.notification.NotificationLedger;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * R29 over real IMAP: distributors reply to the advance notice of a walked case; the shared
 * context's inbox reads the replies when the test calls {@link Inbox#poll()}.
 */
@OrchestratorIntegrationTest
class DistributorReplyIT {

  @RegisterExtension
  static GreenMailExtension mail = TestSmtp.serverWithInbox();

  @Autowired Inbox inbox;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;
  @Autowired NotificationLedger ledger;
  @Autowired TestRestTemplate http;

  @AfterEach
  void engineClockBack() {
    ClockUtil.reset();
  }

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("R29 R27 a distributor's reply to its notice acknowledges it with the status of its first line; an encrypted reply is \"received\" and flagged; a reply from a stranger or another distributor's contact records nothing and is flagged to the team")
  void repliesToNotices() throws Exception {
    long run = System.nanoTime();
    String replying = "Distro Replies " + run;
    String other = "Distro Other " + run;
    String replyingContact = "security@reply-" + run + ".example";
    String otherContact = "security@other-" + run + ".example";
    TestDistributors.imported(http, replying, replyingContact);
    TestDistributors.imported(http, other, otherContact);
    String caseId = cases.readyToPlan(http, "Notices answered by mail");
    assertCompleted(cases.plan(http, caseId, Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MINUTES),
        null));
    Instant advanceAt = ((Date) runtimeService.getVariable(cases.instance(caseId).getId(), "advanceNoticeAt"))
        .toInstant().plusSeconds(60);
    cases.runDueJobsAt(advanceAt, caseId);
    String replyingNotice = notice("reply-" + run + ".example");
    String otherNotice = notice("other-" + run + ".example");

    // a stranger, and the other distributor's contact, answer the first one's notice: nothing recorded, both flagged
    String strangerSubject = "Re: stranger " + run;
    deliver(reply(TestSmtp.sender(), strangerSubject, replyingNotice, "Affected\nWe are someone else."));
    String crossedSubject = "Re: crossed " + run;
    deliver(reply(otherContact, crossedSubject, replyingNotice, "Not affected"));
    assertThat(inbox.poll().cases()).as("a reply to a notice is never a case").isZero();
    assertThat(row(caseId, replying).get("acknowledgedAt")).isNull();
    assertThat(row(caseId, other).get("acknowledgedAt")).isNull();
    assertThat(alertsOf(strangerSubject)).singleElement().satisfies(alert -> assertThat(alert.body())
        .contains("no contact of that distributor", replyingNotice).doesNotContain(replying, "We are someone else"));
    assertThat(alertsOf(crossedSubject)).hasSize(1);

    // the distributor's own reply, under its quote and signature
    deliver(reply(replyingContact, "Re: notice " + run, replyingNotice, """

        not affected.
        We do not ship the controller.
        -- 
        Bob, Distro security

        On Mon, 1 Dec 2026 at 10:00, Security wrote:
        > Acknowledge this notice and tell us your status: FIXED
        """));
    // the other one's encrypted reply: it cannot be read, so "received" alone, and flagged
    String encryptedSubject = "Re: encrypted " + run;
    deliver(encrypted(otherContact, encryptedSubject, otherNotice));
    assertThat(inbox.poll().recorded()).isEqualTo(2);

    Map<String, Object> acknowledged = row(caseId, replying);
    assertThat(acknowledged.get("acknowledgedAt")).isNotNull();
    assertThat(acknowledged).containsEntry("status", "NOT_AFFECTED")
        .containsEntry("note", "We do not ship the controller.");
    assertThat((List<Map<String, Object>>) acknowledged.get("history")).singleElement()
        .satisfies(said -> assertThat(said).containsEntry("source", "MAIL"));
    Map<String, Object> received = row(caseId, other);
    assertThat(received.get("acknowledgedAt")).isNotNull();
    assertThat(received.get("status")).isNull();
    assertThat(alertsOf(encryptedSubject)).singleElement()
        .satisfies(alert -> assertThat(alert.body()).contains("encrypted", otherNotice).doesNotContain(other));
    assertThat(inbox.poll().recorded()).as("every reply on record once").isZero();
  }

  /** The Message-ID of the one notice the distributor at {@code domain} got. */
  private static String notice(String domain) throws Exception {
    MimeMessage[] notices = mail.getReceivedMessagesForDomain(domain);
    assertThat(notices).hasSize(1);
    return notices[0].getMessageID();
  }

  private static MimeMessage reply(String from, String subject, String notice, String text) throws Exception {
    MimeMessage reply = mail(from, subject, text);
    reply.setHeader("In-Reply-To", notice);
    reply.setHeader("References", notice);
    return reply;
  }

  /** PGP/MIME (RFC 3156) as a mail client sends it: the service has no key to read it. */
  private static MimeMessage encrypted(String from, String subject, String notice) throws Exception {
    MimeMessage reply = reply(from, subject, notice, "");
    MimeBodyPart control = new MimeBodyPart();
    control.setContent("Version: 1\r\n", "application/pgp-encrypted");
    MimeBodyPart body = new MimeBodyPart();
    body.setContent("-----BEGIN PGP MESSAGE-----\r\n\r\nhQEMA0AAAAAAAAAA\r\n-----END PGP MESSAGE-----\r\n",
        "application/octet-stream");
    MimeMultipart multipart = new MimeMultipart("encrypted; protocol=\"application/pgp-encrypted\"");
    multipart.addBodyPart(control);
    multipart.addBodyPart(body);
    reply.setContent(multipart);
    reply.saveChanges();
    return reply;
  }

  private static void deliver(MimeMessage message) throws Exception {
    message.saveChanges();
    TestSmtp.deliver(mail, message);
  }

  private List<Notification> alertsOf(String subject) {
    return ledger.findByCase(FlaggedMailAlert.LEDGER_CASE).stream()
        .filter(row -> row.kind() == NotificationKind.INBOX_MAIL_FLAGGED_ALERT && row.body().contains(subject))
        .toList();
  }

  private Map<String, Object> row(String caseId, String organisation) {
    return TestAcknowledgements.row(http, caseId, organisation);
  }
}
