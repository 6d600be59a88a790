package io.github.securityrelease.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R1 over real IMAP: mail delivered to the security address's mailbox on GreenMail, read by the
 * shared context's inbox when the test calls {@link Inbox#poll()} (its own interval is a day).
 */
@OrchestratorIntegrationTest
class InboxIT {

  @RegisterExtension
  static GreenMailExtension mail = TestSmtp.serverWithInbox();

  private static final AtomicInteger senders = new AtomicInteger();

  @Autowired Inbox inbox;
  @Autowired RuntimeService runtimeService;
  @Autowired TestCases cases;

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

  private List<ProcessInstance> casesOf(String sender) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("vulnerability-handling")
        .variableValueEquals("reporterEmail", sender).list();
  }

  /** A sender of this test's own: the shared context keeps the cases of the tests before. */
  private static String sender() {
    return "ada-" + System.nanoTime() + "-" + senders.incrementAndGet() + "@example.net";
  }

  private static MimeMessage mail(String from, String subject, String text) throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(from, "Ada Mailer"));
    message.setRecipients(MimeMessage.RecipientType.TO, TestSmtp.INBOX_ADDRESS);
    message.setSubject(subject, "UTF-8");
    message.setText(text, "UTF-8");
    message.saveChanges();
    return message;
  }

  private static void deliver(MimeMessage message) {
    user().deliver(message);
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
