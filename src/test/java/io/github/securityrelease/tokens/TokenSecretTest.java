package io.github.securityrelease.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenSecretTest {

  @Test
  @DisplayName("a secret is 256 random bits behind the prefix sro_, different every time")
  void secretsAreLongRandomAndRecognisable() {
    Set<String> secrets = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String secret = TokenSecret.generate();
      assertThat(secret).startsWith("sro_").matches("sro_[A-Za-z0-9_-]{43}");
      assertThat(Base64.getUrlDecoder().decode(secret.substring(4))).hasSize(32);
      assertThat(TokenSecret.looksLikeOne(secret)).isTrue();
      secrets.add(secret);
    }
    assertThat(secrets).hasSize(100);
    assertThat(TokenSecret.looksLikeOne("eyJhbGciOiJSUzI1NiJ9.e30.x")).as("a JWT is left to others").isFalse();
  }

  @Test
  @DisplayName("the service keeps the SHA-256 hash of a secret, in hex, never the secret")
  void hashIsSha256Hex() {
    assertThat(TokenSecret.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    String secret = TokenSecret.generate();
    assertThat(TokenSecret.hash(secret)).hasSize(64).doesNotContain(secret.substring(4, 20))
        .isEqualTo(TokenSecret.hash(secret));
  }
}
