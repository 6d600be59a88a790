package io.github.securityrelease.inbox;

import static io.github.securityrelease.TestSmtp.mail;
import static io.github.securityrelease.TestSmtp.sender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.notification.Notification;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.notification.NotificationLedger;
import io.github.securityrelease.notification.NotificationStatus;
import io.github.securityrelease.team.SecurityTeam;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * R1 over real IMAP: mail delivered to the security address's mailbox on GreenMail, read by the
 * shared context's inbox when the test calls {@link Inbox#poll()} (its own interval is a day).
 */
@OrchestratorIntegrationTest
class InboxIT {

  @RegisterExtension
  static GreenMailExtension mail = TestSmtp.serverWithInbox();

  @Autowired Inbox inbox;
  @Autowired RuntimeService runtimeService;
  @Autowired TestCases cases;
  @Autowired NotificationLedger ledger;
  @Autowired SecurityTeam team;
  @Autowired TestRestTemplate http;
  @Autowired InboxProperties properties;
  @Autowired MailedReports reports;
  @Autowired InboxLedger inboxLedger;
  @Autowired FlaggedMailAlert alert;
  @Autowired CaseThreads threads;

  @Test
  @DisplayName("R1 a mailed report becomes a case: the sender the reporter, the subject the title; R2 R28 the receipt goes to the sender, in the report's thread")
  void mailedReportBecomesCase() throws Exception {
    String sender = sender();
    deliver(mail(sender, "Token leak in the controller logs",
        "**What happened**:\nThe controller logs the token.\n\n**How to reproduce it**:\nRun it with -v=6.\n"));

    Inbox.Reading reading = inbox.poll();

    assertThat(reading.cases()).isEqualTo(1);
    List<ProcessInstance> reported = casesOf(sender);
    assertThat(reported).hasSize(1);
    String caseId = reported.get(0).getBusinessKey();
    assertThat(caseId).matches("SEC-\\d{4}-\\d{4,}");
    Map<String, Object> variables = runtimeService.getVariables(reported.get(0).getId());
    assertThat(variables)
        .containsEntry("reporterEmail", sender)
        .containsEntry("reporterName", "Ada Mailer")
        .containsEntry("title", "Token leak in the controller logs")
        .containsEntry("whatHappened", "The controller logs the token.")
        .containsEntry("howToReproduce", "Run it with -v=6.")
        .containsEntry("status", "REPORTING")
        .containsKeys("reportedAt", "acknowledgementDueBy");
    assertThat(flagsInMailbox()).singleElement().satisfies(flags -> {
      assertThat(flags.contains(Inbox.KEYWORD)).as("marked as on record").isTrue();
      assertThat(flags.contains(Flags.Flag.SEEN)).isTrue();
      assertThat(flags.contains(Flags.Flag.FLAGGED)).isFalse();
    });

    cases.runDueJobs(caseId);
    assertThat(TestSmtp.receivedBy(mail, sender)).extracting(TestSmtp::subject)
        .containsExactly("Re: [" + caseId + "] Token leak in the controller logs");
  }

  @Test
  @DisplayName("R1 the same mail seen twice, and read again after its mark was lost, is one case")
  void sameMailIsOneCase() throws Exception {
    String sender = sender();
    MimeMessage report = mail(sender, "Seen twice", "The same mail, delivered twice.");
    deliver(report);
    deliver(report);

    assertThat(inbox.poll().recorded()).isEqualTo(2);
    assertThat(casesOf(sender)).hasSize(1);

    // the mark lost (a node stopped between the case and the mark): the ledger still knows the mail
    for (StoredMessage stored : inboxFolder().getMessages()) {
      stored.setFlags(new Flags(Inbox.KEYWORD), false);
    }
    assertThat(inbox.poll().recorded()).isEqualTo(2);
    assertThat(casesOf(sender)).hasSize(1);
    assertThat(inbox.poll().recorded()).as("marked again: nothing left to read").isZero();
  }

  @Test
  @DisplayName("R1 an auto-reply is no case: recorded, marked, left unread for the team's mail client")
  void autoReplyIsNoCase() throws Exception {
    String sender = sender();
    MimeMessage reply = mail(sender, "Out of office: Re: [SEC-2026-0001] We received your report", "I am away until Monday.");
    reply.setHeader("Auto-Submitted", "auto-replied");
    reply.saveChanges();
    deliver(reply);

    Inbox.Reading reading = inbox.poll();

    assertThat(reading.recorded()).isEqualTo(1);
    assertThat(reading.cases()).isZero();
    assertThat(casesOf(sender)).isEmpty();
    assertThat(flagsInMailbox()).singleElement().satisfies(flags -> {
      assertThat(flags.contains(Inbox.KEYWORD)).isTrue();
      assertThat(flags.contains(Flags.Flag.SEEN)).isFalse();
    });
  }

  @Test
  @DisplayName("R1 a mail that cannot be read stays in the mailbox, flagged, and the team is alerted once, without its body")
  void unreadableMailAlertsTheTeam() throws Exception {
    String subject = "Unreadable " + sender();
    deliverUnreadable(subject, "The secret body of the mail.");

    Inbox.Reading reading = inbox.poll();

    assertThat(reading.recorded()).isEqualTo(1);
    assertThat(reading.cases()).isZero();
    assertThat(flagsInMailbox()).singleElement().satisfies(flags -> {
      assertThat(flags.contains(Inbox.KEYWORD)).as("marked: the alert is sent").isTrue();
      assertThat(flags.contains(Flags.Flag.FLAGGED)).isTrue();
      assertThat(flags.contains(Flags.Flag.SEEN)).isFalse();
    });
    assertThat(alertsOf(subject)).singleElement().satisfies(alert -> {
      assertThat(alert.status()).isEqualTo(NotificationStatus.SENT);
      assertThat(alert.recipients()).containsExactlyInAnyOrderElementsOf(team.memberEmails()).isNotEmpty();
      assertThat(alert.subject()).isEqualTo("A mail to the security address was not read: unreadable");
      assertThat(alert.body()).contains("From:    (none)", "Subject: " + subject, " bytes")
          .doesNotContain("secret body");
    });
    assertThat(TestSmtp.receivedBy(mail, team.memberEmails().get(0))).extracting(TestSmtp::subject)
        .contains("A mail to the security address was not read: unreadable");

    // read again after its mark was lost: on record, alerted already
    for (StoredMessage stored : inboxFolder().getMessages()) {
      stored.setFlags(new Flags(Inbox.KEYWORD), false);
    }
    assertThat(inbox.poll().recorded()).isEqualTo(1);
    assertThat(alertsOf(subject)).singleElement().extracting(Notification::attempts).isEqualTo(1);
  }

  @Test
  @DisplayName("R1 a failed alert of a flagged mail stops no reading and is sent at the next reading")
  void failedAlertIsRetried() throws Exception {
    String subject = "Unreadable while SMTP is away " + sender();
    deliverUnreadable(subject, "Body.");
    String reporter = sender();
    deliver(mail(reporter, "A report after it", "What happened."));
    mail.getSmtp().stopService();

    Inbox.Reading reading = inbox.poll();

    assertThat(reading.recorded()).isEqualTo(2);
    assertThat(casesOf(reporter)).as("the reading went on").hasSize(1);
    assertThat(alertsOf(subject)).singleElement().extracting(Notification::status).isEqualTo(NotificationStatus.FAILED);
    assertThat(flagsOf(subject)).satisfies(flags -> {
      assertThat(flags.contains(Flags.Flag.FLAGGED)).isTrue();
      assertThat(flags.contains(Inbox.KEYWORD)).as("unmarked: read again for its alert").isFalse();
    });

    SmtpServer smtp = new SmtpServer(TestSmtp.setup(TestSmtp.PORT, ServerSetup.PROTOCOL_SMTP),
        mail.getManagers());
    smtp.startService();
    try {
      assertThat(smtp.waitTillRunning(10_000)).isTrue();
      assertThat(inbox.poll().recorded()).isEqualTo(1);
      assertThat(alertsOf(subject)).singleElement().satisfies(alert -> {
        assertThat(alert.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(alert.attempts()).isEqualTo(2);
      });
      assertThat(flagsOf(subject).contains(Inbox.KEYWORD)).isTrue();
      assertThat(casesOf(reporter)).hasSize(1);
    } finally {
      smtp.stopService();
    }
  }

  @Test
  @DisplayName("R1 a mailed report's files are kept with its case, downloaded as bytes by the security team alone (R27)")
  void attachmentsKept() throws Exception {
    String sender = sender();
    MimeMessage report = mail(sender, "With a proof of concept", "See the attached page.");
    MimeMultipart parts = new MimeMultipart("mixed");
    MimeBodyPart text = new MimeBodyPart();
    text.setText("See the attached page.", "UTF-8");
    MimeBodyPart page = new MimeBodyPart();
    page.setText("<script>alert(document.cookie)</script>", "UTF-8", "html");
    page.setFileName("poc.html");
    page.setDisposition(MimeBodyPart.ATTACHMENT);
    parts.addBodyPart(text);
    parts.addBodyPart(page);
    report.setContent(parts);
    report.saveChanges();
    deliver(report);

    assertThat(inbox.poll().cases()).isEqualTo(1);
    String caseId = casesOf(sender).get(0).getBusinessKey();
    assertThat((String) runtimeService.getVariable(casesOf(sender).get(0).getId(), "anythingElse"))
        .contains("1. poc.html (text/html, 39 bytes)");

    ResponseEntity<String> listed = http.withBasicAuth("demo-security", "demo-security")
        .getForEntity("/api/v1/cases/" + caseId + "/attachments", String.class);
    assertThat(listed.getStatusCode().value()).isEqualTo(200);
    assertThat(listed.getBody()).contains("\"n\":1", "\"fileName\":\"poc.html\"", "\"contentType\":\"text/html\"",
        "\"size\":39", "\"sha256\":\"" + sha256("<script>alert(document.cookie)</script>") + "\"");

    ResponseEntity<byte[]> file = http.withBasicAuth("demo-security", "demo-security")
        .getForEntity("/api/v1/cases/" + caseId + "/attachments/1", byte[].class);
    assertThat(file.getStatusCode().value()).isEqualTo(200);
    assertThat(file.getHeaders().getContentType()).hasToString("application/octet-stream");
    assertThat(file.getHeaders().getFirst("Content-Disposition")).startsWith("attachment").contains("poc.html");
    assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(new String(file.getBody(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("<script>alert(document.cookie)</script>");

    assertThat(status("demo-manager", "/api/v1/cases/" + caseId + "/attachments")).as("R27 managers").isEqualTo(403);
    assertThat(status("demo-manager", "/api/v1/cases/" + caseId + "/attachments/1")).as("R27 managers").isEqualTo(403);
    assertThat(status("demo-security", "/api/v1/cases/" + caseId + "/attachments/2")).isEqualTo(404);
    assertThat(status("demo-security", "/api/v1/cases/SEC-1999-0001/attachments")).isEqualTo(404);
  }

  /**
   * Two nodes on one mailbox, as cheaply as is faithful: two {@link Inbox} instances with their own
   * IMAP sessions on the shared context's database, reading at the same instant from two threads.
   * What makes a mail one case is the database's primary key on {@code inbox_mail}, which the
   * two instances meet exactly as two processes would; a cluster of packaged jars (ClusterIT)
   * would add minutes and nothing that decides this.
   */
  @Test
  @DisplayName("R1 two nodes reading one mailbox at once: every mail is exactly one case")
  void twoNodesOneMailbox() throws Exception {
    List<String> senders = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      senders.add(sender());
      deliver(mail(senders.get(i), "Two nodes " + i, "Mail " + i + " for two nodes."));
    }
    Inbox other = new Inbox(properties, reports, inboxLedger, alert, threads);
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<Inbox.Reading>> readings = nodes.invokeAll(List.of(
          () -> { together.await(); return inbox.poll(); },
          () -> { together.await(); return other.poll(); }));
      for (var reading : readings) {
        reading.get();
      }
    } finally {
      nodes.shutdownNow();
    }

    for (String sender : senders) {
      assertThat(casesOf(sender)).as(sender).hasSize(1);
    }
    assertThat(flagsInMailbox()).hasSize(8).allSatisfy(flags -> assertThat(flags.contains(Inbox.KEYWORD)).isTrue());
    assertThat(inbox.poll().recorded()).isZero();
  }

  /**
   * IDLE without a context of its own: the shared context's inbox never idles (it would read
   * other ITs' mail as it came), so a second {@link Inbox} on its beans idles here, as
   * {@link #twoNodesOneMailbox} reads.
   */
  @Test
  @DisplayName("R1 where the server offers IDLE, a mail becomes a case as it arrives, with no reading asked for; stopping ends the IDLE and its thread")
  void idleReadsMailAsItArrives() throws Exception {
    InboxProperties idling = new InboxProperties(properties.url(), properties.password(), properties.pollInterval(),
        properties.maxSize(), properties.ownListIds(), properties.maxAttachmentSize(), properties.maxAttachmentsSize(),
        true);
    Inbox other = new Inbox(idling, reports, inboxLedger, alert, threads);
    String sender = sender();
    other.start();
    try {
      // waiting for events, not timing them: the bounds only keep a broken IDLE from hanging the build
      await().atMost(Duration.ofSeconds(30)).until(other::idling);
      deliver(mail(sender, "Announced by IDLE", "Read as it came, its interval a day."));
      await().atMost(Duration.ofSeconds(30)).until(() -> casesOf(sender).size() == 1);
    } finally {
      other.stop();
    }

    assertThat(other.isRunning()).isFalse();
    assertThat(Thread.getAllStackTraces().keySet()).as("no IDLE thread left")
        .noneMatch(thread -> "inbox-idle".equals(thread.getName()) && thread.isAlive());
    assertThat(flagsInMailbox()).singleElement().satisfies(flags -> assertThat(flags.contains(Inbox.KEYWORD)).isTrue());
  }

  private int status(String user, String path) {
    return http.withBasicAuth(user, user).getForEntity(path, String.class).getStatusCode().value();
  }

  private static String sha256(String text) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private List<Notification> alertsOf(String subject) {
    return ledger.findByCase(FlaggedMailAlert.LEDGER_CASE).stream()
        .filter(row -> row.kind() == NotificationKind.INBOX_MAIL_FLAGGED_ALERT && row.body().contains(subject))
        .toList();
  }

  private static Flags flagsOf(String subject) throws Exception {
    for (StoredMessage stored : inboxFolder().getMessages()) {
      if (subject.equals(stored.getMimeMessage().getSubject())) {
        return stored.getFlags();
      }
    }
    throw new AssertionError("No mail " + subject + " in the mailbox");
  }

  private List<ProcessInstance> casesOf(String sender) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("vulnerability-handling")
        .variableValueEquals("reporterEmail", sender).list();
  }

  /** A mail without a sender: no receipt could answer it, so the inbox cannot take it as a report. */
  private static void deliverUnreadable(String subject, String text) throws Exception {
    MimeMessage unreadable = mail(sender(), subject, text);
    unreadable.removeHeader("From");
    unreadable.saveChanges();
    deliver(unreadable);
  }

  private static void deliver(MimeMessage message) {
    TestSmtp.deliver(mail, message);
  }

  private static List<Flags> flagsInMailbox() throws Exception {
    return inboxFolder().getMessages().stream().map(StoredMessage::getFlags).toList();
  }

  private static MailFolder inboxFolder() throws Exception {
    return mail.getManagers().getImapHostManager().getInbox(user());
  }

  private static GreenMailUser user() {
    return mail.getUserManager().getUserByEmail(TestSmtp.INBOX_ADDRESS);
  }
}
