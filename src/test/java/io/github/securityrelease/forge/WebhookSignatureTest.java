package io.github.securityrelease.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.securityrelease.TestForge;
import io.github.securityrelease.forge.WebhookSignature.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final String SECRET = "It's a Secret to Everybody";
  private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);

  private final WebhookSignature signature = new WebhookSignature(SECRET);

  @Test
  @DisplayName("R17 the example of GitHub's documentation (\"Validating webhook deliveries\") is valid")
  void githubsExample() {
    assertThat(signature.verify(BODY,
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")).isEqualTo(Verdict.VALID);
  }

  @Test
  @DisplayName("R17 a delivery signed with the secret is valid, its hex in upper case too")
  void valid() {
    String header = TestForge.signature(SECRET, BODY);
    assertThat(signature.verify(BODY, header)).isEqualTo(Verdict.VALID);
    assertThat(signature.verify(BODY, "sha256=" + header.substring(7).toUpperCase())).isEqualTo(Verdict.VALID);
  }

  @Test
  @DisplayName("R17 no signature, or an empty one, is missing: no unsigned merge is believed")
  void missing() {
    assertThat(signature.verify(BODY, null)).isEqualTo(Verdict.MISSING);
    assertThat(signature.verify(BODY, "")).isEqualTo(Verdict.MISSING);
  }

  @Test
  @DisplayName("R17 a signature not sha256= and 64 hex digits is malformed (GitHub's SHA-1 header, a cut one, not hex)")
  void malformed() {
    String header = TestForge.signature(SECRET, BODY);
    assertThat(signature.verify(BODY, "sha1=" + header.substring(7, 47))).isEqualTo(Verdict.MALFORMED);
    assertThat(signature.verify(BODY, header.substring(0, header.length() - 1))).isEqualTo(Verdict.MALFORMED);
    assertThat(signature.verify(BODY, header + "0")).isEqualTo(Verdict.MALFORMED);
    assertThat(signature.verify(BODY, "sha256=" + "g".repeat(64))).isEqualTo(Verdict.MALFORMED);
    assertThat(signature.verify(BODY, header.substring(7))).isEqualTo(Verdict.MALFORMED);
    assertThat(signature.verify(BODY, "SHA256=" + header.substring(7))).isEqualTo(Verdict.MALFORMED);
  }

  @Test
  @DisplayName("R17 a delivery signed with another secret is wrong")
  void wrongSecret() {
    assertThat(signature.verify(BODY, TestForge.signature(SECRET + "!", BODY))).isEqualTo(Verdict.WRONG);
    assertThat(signature.verify(BODY, TestForge.signature("it's a secret to everybody", BODY))).isEqualTo(Verdict.WRONG);
  }

  @Test
  @DisplayName("R17 a body changed by one byte after signing is wrong: a merged pull request is taken unchanged or not at all")
  void bodyChanged() {
    String header = TestForge.signature(SECRET, BODY);
    for (int i = 0; i < BODY.length; i++) {
      byte[] changed = BODY.clone();
      changed[i] ^= 1;
      assertThat(signature.verify(changed, header)).as("byte %d changed", i).isEqualTo(Verdict.WRONG);
    }
    byte[] longer = (new String(BODY, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
    assertThat(signature.verify(longer, header)).isEqualTo(Verdict.WRONG);
  }

  @Test
  @DisplayName("the refusal tells what is wrong, never the expected signature or the secret")
  void detailsTellNothingSecret() {
    String expected = TestForge.signature(SECRET, BODY).substring(7);
    for (Verdict verdict : Verdict.values()) {
      assertThat(verdict.detail()).startsWith("The X-Hub-Signature-256 header").doesNotContain(expected, SECRET);
    }
  }

  @Test
  @DisplayName("no webhook without a secret: an empty one signs nothing")
  void blankSecret() {
    assertThatThrownBy(() -> new WebhookSignature(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The webhook secret is not set");
  }
}
