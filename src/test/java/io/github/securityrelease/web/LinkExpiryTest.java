package io.github.securityrelease.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LinkExpiryTest {

  private static final LinkExpiry NINETY_DAYS = new LinkExpiry(Duration.ofDays(90));
  private static final Instant DISCLOSED = Instant.parse("2026-12-16T15:00:00Z");
  private static final Instant ENDED = DISCLOSED.plus(Duration.ofHours(2));

  @Test
  @DisplayName("an open case's link does not expire")
  void openCase() {
    assertThat(NINETY_DAYS.expiresAt(null, null)).isEmpty();
    assertThat(NINETY_DAYS.expired(null, null, Instant.parse("2099-01-01T00:00:00Z"))).isFalse();
  }

  @Test
  @DisplayName("a disclosed case's link works until the configured time after the disclosure, not after the case ended")
  void afterDisclosure() {
    Instant expiry = DISCLOSED.plus(Duration.ofDays(90));
    assertThat(NINETY_DAYS.expiresAt(DISCLOSED, ENDED)).contains(expiry);
    assertThat(NINETY_DAYS.expired(DISCLOSED, ENDED, expiry.minusMillis(1))).isFalse();
    assertThat(NINETY_DAYS.expired(DISCLOSED, ENDED, expiry)).isTrue();
  }

  @Test
  @DisplayName("a rejected case (ended, never disclosed): the configured time after it ended")
  void afterRejection() {
    Instant expiry = ENDED.plus(Duration.ofDays(90));
    assertThat(NINETY_DAYS.expiresAt(null, ENDED)).contains(expiry);
    assertThat(NINETY_DAYS.expired(null, ENDED, expiry.minusSeconds(1))).isFalse();
    assertThat(NINETY_DAYS.expired(null, ENDED, expiry.plusSeconds(1))).isTrue();
  }
}
