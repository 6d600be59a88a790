package io.github.securityrelease.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a case's links stop working: {@code validAfterDisclosure} after the public disclosure,
 * or, for a case that ended without one (rejected), after it ended. An open case's links do
 * not expire.
 */
public record LinkExpiry(Duration validAfterDisclosure) {

  public Optional<Instant> expiresAt(Instant disclosedAt, Instant endedAt) {
    Instant closed = disclosedAt != null ? disclosedAt : endedAt;
    return Optional.ofNullable(closed).map(at -> at.plus(validAfterDisclosure));
  }

  public boolean expired(Instant disclosedAt, Instant endedAt, Instant now) {
    return expiresAt(disclosedAt, endedAt).map(expiry -> !now.isBefore(expiry)).orElse(false);
  }
}
