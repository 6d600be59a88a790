package io.github.securityrelease.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The rules of the calls outside: where they may go, and what of a provider's answer a message shows. */
class OutsideUrlsTest {

  @Test
  void httpsOrLoopbackHttp() {
    assertThat(OutsideUrls.secure(URI.create("https://api.github.com"))).isTrue();
    assertThat(OutsideUrls.secure(URI.create("http://127.0.0.1:8089/storage/a"))).isTrue();
    assertThat(OutsideUrls.secure(URI.create("http://localhost:8089"))).isTrue();
    assertThat(OutsideUrls.secure(URI.create("http://objects.example/a"))).isFalse();
    assertThat(OutsideUrls.secure(URI.create("ftp://127.0.0.1/a"))).isFalse();
  }

  @Test
  void aProvidersTextIsOneShortLineWithoutTheSecret() {
    assertThat(OutsideUrls.shownText(" Bad credentials\r\nfor token s3cr3t ", "s3cr3t"))
        .isEqualTo("Bad credentials  for token ***");
    assertThat(OutsideUrls.shownText("x".repeat(500), null)).hasSize(OutsideUrls.MAX_SHOWN).endsWith("…");
    assertThat(OutsideUrls.shownText("not found", "")).isEqualTo("not found");
  }
}
