package io.github.securityrelease.tokens;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a token may do, within its owner's rights ({@link TokenReach} has the requests of each). */
enum Scope {
  /** Read cases, calendars and advisories, and the engine's read endpoints. */
  READ,
  /** Also complete the owner's own tasks and correlate messages. */
  WORK;

  @JsonValue
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Scope> of(String id) {
    return Arrays.stream(values()).filter(scope -> scope.id().equals(id)).findFirst();
  }
}
