package io.github.securityrelease;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;

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

  public static GreenMailExtension server() {
    return new GreenMailExtension(
        new ServerSetup(PORT, "localhost", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
  }
}
