package io.github.securityrelease;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** The real SMTP server the ITs' mail goes to: register it with {@code @RegisterExtension}. */
public final class TestSmtp {

  /** A free port, chosen once per JVM (each IT class has a JVM of its own). */
  public static final int PORT = TestPorts.free();

  private TestSmtp() {}


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

  public static GreenMailExtension server() {
    return new GreenMailExtension(
        new ServerSetup(PORT, "localhost", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
  }
}
