package io.github.securityrelease.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LinkTokenTest {

  @Test
  @DisplayName("a token is 256 random bits, URL-safe, never the same twice")
  void randomAndUrlSafe() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = LinkToken.generate();
      assertThat(token).matches("[A-Za-z0-9_-]{43}");
      assertThat(LinkToken.wellFormed(token)).isTrue();
      tokens.add(token);
    }
    assertThat(tokens).hasSize(1000);
  }

  @Test
  @DisplayName("only its SHA-256 hash is kept: 64 hex digits, the same for the same token, not the token")
  void hashed() {
    String token = LinkToken.generate();
    assertThat(LinkToken.hash(token)).matches("[0-9a-f]{64}").isEqualTo(LinkToken.hash(token))
        .doesNotContain(token).isNotEqualTo(LinkToken.hash(LinkToken.generate()));
  }

  @Test
  @DisplayName("what cannot be a token is not looked up: too short, too long, other characters, none")
  void malformed() {
    String token = LinkToken.generate();
    assertThat(LinkToken.wellFormed(token.substring(1))).isFalse();
    assertThat(LinkToken.wellFormed(token + "A")).isFalse();
    assertThat(LinkToken.wellFormed(token.substring(1) + "/")).isFalse();
    assertThat(LinkToken.wellFormed(token.substring(1) + "=")).isFalse();
    assertThat(LinkToken.wellFormed(null)).isFalse();
  }
}
