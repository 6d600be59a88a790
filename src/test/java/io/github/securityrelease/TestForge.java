package io.github.securityrelease;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The forge's test settings in the shared context ({@link OrchestratorIntegrationTest}): the
 * webhook's secret, and GitHub's signature of a delivery with it, computed here as GitHub's
 * documentation describes it rather than by the service's own code.
 */
public final class TestForge {

  /** Unique enough to be found in a log: NoSecretsInLogsIT looks for it. */
  public static final String WEBHOOK_SECRET = "Whs-Narwhal-7731-Secret";

  private TestForge() {}

  /** {@code X-Hub-Signature-256} of {@code body} with {@code secret}. */
  public static String signature(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code X-Hub-Signature-256} of {@code body} with the shared context's secret. */
  public static String signature(byte[] body) {
    return signature(WEBHOOK_SECRET, body);
  }
}
