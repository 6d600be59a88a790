package io.github.securityrelease.notification;

import jakarta.mail.MessagingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * {@code mail} in {@code /actuator/health}: whether the SMTP server answers. DOWN shows in
 * the overall health, not in readiness or liveness: notices wait and retry while the mail
 * server is away (the ledger and Cockpit's incidents tell), so a node without mail is still
 * a node to keep. Without {@code spring.mail.host} it says so, as UNKNOWN.
 */
@Component("mail")
class MailHealth extends AbstractHealthIndicator {

  private final ObjectProvider<JavaMailSender> mailSender;

  MailHealth(ObjectProvider<JavaMailSender> mailSender) {
    super("The mail server did not answer");
    this.mailSender = mailSender;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws MessagingException {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      builder.unknown().withDetail("reason", "spring.mail.host is not set: notices are kept on record as UNDELIVERED");
      return;
    }
    if (sender instanceof JavaMailSenderImpl impl) {
      builder.withDetail("location", impl.getHost() + ":" + impl.getPort());
      impl.testConnection();
    }
    builder.up();
  }
}
