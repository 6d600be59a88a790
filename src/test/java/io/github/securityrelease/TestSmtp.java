package io.github.securityrelease;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/** The real SMTP server the ITs' mail goes to: register it with {@code @RegisterExtension}. */
public final class TestSmtp {

  /** A free port, chosen once per JVM (each IT class has a JVM of its own). */
  public static final int PORT = TestPorts.free();

  /** The IMAP port of the same server, where the security address's mailbox is (the inbox's ITs). */
  public static final int IMAP_PORT = TestPorts.free();

  /** The security address's mailbox the shared context's inbox reads ({@link OrchestratorIntegrationTest}). */
  public static final String INBOX_ADDRESS = "security@kurator.example";
  public static final String INBOX_USER = "security";
  public static final String INBOX_PASSWORD = "inbox-test-password";

  private static final AtomicInteger senders = new AtomicInteger();

  private TestSmtp() {}

  /** A reporter's address of the test's own: the shared context keeps the cases and mails of the tests before. */
  public static String sender() {
    return "ada-" + System.nanoTime() + "-" + senders.incrementAndGet() + "@example.net";
  }

  /** A plain-text mail from {@code from} ("Ada Mailer") to the security address, as a mail client writes it. */
  public static MimeMessage mail(String from, String subject, String text) {
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
      message.setFrom(new InternetAddress(from, "Ada Mailer"));
      message.setRecipients(MimeMessage.RecipientType.TO, INBOX_ADDRESS);
      message.setSubject(subject, "UTF-8");
      message.setText(text, "UTF-8");
      message.saveChanges();
      return message;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Puts {@code message} into the security address's mailbox on {@code server} ({@link #serverWithInbox()}). */
  public static void deliver(GreenMailExtension server, MimeMessage message) {
    server.getUserManager().getUserByEmail(INBOX_ADDRESS).deliver(message);
  }


  public static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String[] recipients(MimeMessage mail) {
    try {
      return Arrays.stream(mail.getAllRecipients()).map(Object::toString).toArray(String[]::new);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The messages in the mailboxes of {@code addresses}, mailbox after mailbox, each in the order
   * delivered. GreenMail keeps a copy of a message in each recipient's mailbox: a test that
   * counts what one person got is not misled by the members other tests added to a group.
   */
  public static List<MimeMessage> receivedBy(GreenMailExtension smtp, String... addresses) {
    return Arrays.stream(addresses).flatMap(address -> smtp.findReceivedMessages(
        user -> address.equalsIgnoreCase(user.getEmail()), mail -> true)).toList();
  }

  /**
   * SMTP as {@link #server()}, and IMAP with the security address's mailbox: mail delivered to
   * {@link #INBOX_ADDRESS} is what the inbox reads.
   */
  public static GreenMailExtension serverWithInbox() {
    GreenMailExtension server = new GreenMailExtension(new ServerSetup[] {
        setup(PORT, ServerSetup.PROTOCOL_SMTP), setup(IMAP_PORT, ServerSetup.PROTOCOL_IMAP)})
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication()
            .withUser(INBOX_ADDRESS, INBOX_USER, INBOX_PASSWORD));
    return server;
  }

  public static GreenMailExtension server() {
    return new GreenMailExtension(setup(PORT, ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
  }

  /**
   * A server of {@code protocol} on {@code port} of localhost. GreenMail gives a server two
   * seconds to start, and the extension starts one before every test: on a loaded CI machine
   * with two suites side by side, that once was too short. Thirty seconds only ever matter when
   * the machine is that slow.
   */
  public static ServerSetup setup(int port, String protocol) {
    ServerSetup setup = new ServerSetup(port, "localhost", protocol);
    setup.setServerStartupTimeout(30_000);
    return setup;
  }
}
