package io.github.securityrelease.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.securityrelease.web.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenExpiryTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  @DisplayName("the expiry is a moment or a number of days, at most a year ahead")
  void expiryWithinAYear() {
    assertThat(PersonalTokens.expiry(request(null, 30), NOW)).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(PersonalTokens.expiry(request(null, 365), NOW)).isEqualTo(NOW.plus(Duration.ofDays(365)));
    Instant moment = NOW.plus(Duration.ofDays(7));
    assertThat(PersonalTokens.expiry(request(moment, null), NOW)).isEqualTo(moment);
  }

  @Test
  @DisplayName("an expiry beyond a year, in the past, or given twice or not at all is refused, naming the field")
  void badExpiriesRefused() {
    assertRefused(request(null, 366), "days");
    assertRefused(request(NOW.plus(Duration.ofDays(365)).plusSeconds(1), null), "expiresAt");
    assertRefused(request(null, 0), "days");
    assertRefused(request(NOW.minusSeconds(1), null), "expiresAt");
    assertRefused(request(null, null), "expiresAt");
    assertRefused(request(NOW.plusSeconds(60), 1), "expiresAt");
  }

  @Test
  @DisplayName("a token is valid until it expires or is revoked")
  void validity() {
    ApiToken token = new ApiToken(1, "ada", "ci", Set.of(Scope.READ), NOW, NOW.plusSeconds(60), null, null, null, null);
    assertThat(token.isValidAt(NOW)).isTrue();
    assertThat(token.isValidAt(NOW.plusSeconds(60))).as("expired").isFalse();
    ApiToken revoked = new ApiToken(1, "ada", "ci", Set.of(Scope.READ), NOW, NOW.plusSeconds(60), null, null, NOW,
        "ada");
    assertThat(revoked.isValidAt(NOW)).as("revoked").isFalse();
  }

  private static void assertRefused(TokenRequest request, String field) {
    assertThatThrownBy(() -> PersonalTokens.expiry(request, NOW)).isInstanceOfSatisfying(InvalidFieldException.class,
        refused -> assertThat(refused.field()).isEqualTo(field));
  }

  private static TokenRequest request(Instant expiresAt, Integer days) {
    return new TokenRequest("ci", List.of("read"), expiresAt, days);
  }
}
