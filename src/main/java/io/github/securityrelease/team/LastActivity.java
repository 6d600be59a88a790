package io.github.securityrelease.team;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * R23: when a member was last active. Their latest task activity, but never earlier than the
 * floor: when their membership began, or when a removal vote last kept them, so that a new
 * member or one just kept gets the whole period before the next check.
 */
final class LastActivity {

  private LastActivity() {}

  static Instant of(Instant floor, Stream<Instant> activities) {
    Objects.requireNonNull(floor, "floor");
    return activities.filter(Objects::nonNull).filter(floor::isBefore).max(Instant::compareTo).orElse(floor);
  }
}
