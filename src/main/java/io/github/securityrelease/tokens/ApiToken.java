package io.github.securityrelease.tokens;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A token as listed: never its secret nor its hash. Its last use is recorded per day, with the
 * address of the day's first request (or of a later one from elsewhere).
 */
record ApiToken(long id, String owner, String name, Set<Scope> scopes, Instant createdAt, Instant expiresAt,
    LocalDate lastUsedOn, String lastUsedFrom, Instant revokedAt, String revokedBy) {

  boolean isValidAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  /** What the audit log names it by. */
  String subject() {
    return "token " + id + " \"" + name + "\"";
  }
}
