package io.github.securityrelease;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/** The real SMTP server the ITs' mail goes to: register it with {@code @RegisterExtension}. */
public final class TestSmtp {

  private TestSmtp() {}

  public static GreenMailExtension server() {
    return new GreenMailExtension(
        new ServerSetup(OrchestratorIntegrationTest.SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
  }
}
