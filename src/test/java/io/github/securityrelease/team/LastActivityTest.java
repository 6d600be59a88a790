package io.github.securityrelease.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LastActivityTest {

  private static final Instant JOINED = Instant.parse("2026-01-15T10:00:00Z");

  @Test
  @DisplayName("R23 the latest task activity counts")
  void latestActivity() {
    Instant latest = JOINED.plusSeconds(86_400 * 30);
    assertThat(LastActivity.of(JOINED, Stream.of(JOINED.plusSeconds(60), latest, JOINED.plusSeconds(3600))))
        .isEqualTo(latest);
  }

  @Test
  @DisplayName("R23 no activity yet: the membership's start is the last activity")
  void noActivity() {
    assertThat(LastActivity.of(JOINED, Stream.empty())).isEqualTo(JOINED);
    assertThat(LastActivity.of(JOINED, Stream.of((Instant) null))).isEqualTo(JOINED);
  }

  @Test
  @DisplayName("R23 activity before the membership (or before a vote kept them) does not count")
  void activityBeforeTheFloor() {
    assertThat(LastActivity.of(JOINED, Stream.of(JOINED.minusSeconds(86_400 * 90)))).isEqualTo(JOINED);
  }
}
