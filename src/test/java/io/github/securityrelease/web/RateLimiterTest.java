package io.github.securityrelease.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  // a nanoTime far from zero and about to overflow: the limiter must only compare differences
  private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - TimeUnit.SECONDS.toNanos(30));

  private RateLimiter limiter(int perMinute, int burst, int maxClients) {
    return new RateLimiter(perMinute, burst, maxClients, now::get);
  }

  private void advance(long amount, TimeUnit unit) {
    now.addAndGet(unit.toNanos(amount));
  }

  @Test
  @DisplayName("a client may send the burst at once, then is told when to retry")
  void burstThenRefused() {
    RateLimiter limiter = limiter(10, 3, 100);
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    // 10 per minute: the next token comes 6 seconds after the first was taken
    assertThat(limiter.acquire("a")).isEqualTo(6);
    advance(1, TimeUnit.SECONDS);
    assertThat(limiter.acquire("a")).isEqualTo(5);
  }

  @Test
  @DisplayName("tokens come back at the configured rate, and a refused request takes none")
  void refill() {
    RateLimiter limiter = limiter(10, 2, 100);
    limiter.acquire("a");
    limiter.acquire("a");
    for (int i = 0; i < 50; i++) {
      assertThat(limiter.acquire("a")).isPositive();
    }
    advance(6, TimeUnit.SECONDS);
    assertThat(limiter.acquire("a")).as("one token after 6 s").isZero();
    assertThat(limiter.acquire("a")).isEqualTo(6);
    advance(5999, TimeUnit.MILLISECONDS);
    assertThat(limiter.acquire("a")).as("rounded up, never 0").isEqualTo(1);
    advance(1, TimeUnit.MILLISECONDS);
    assertThat(limiter.acquire("a")).isZero();
  }

  @Test
  @DisplayName("an idle client gets back no more than the burst")
  void idleClientBurstOnly() {
    RateLimiter limiter = limiter(60, 2, 100);
    limiter.acquire("a");
    advance(1, TimeUnit.HOURS);
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);
  }

  @Test
  @DisplayName("each client address has a bucket of its own")
  void perClient() {
    RateLimiter limiter = limiter(1, 1, 100);
    assertThat(limiter.acquire("192.0.2.1")).isZero();
    assertThat(limiter.acquire("192.0.2.1")).isEqualTo(60);
    assertThat(limiter.acquire("192.0.2.2")).isZero();
  }

  @Test
  @DisplayName("no more clients are remembered than configured: the least recently seen goes first")
  void boundedMemory() {
    RateLimiter limiter = limiter(1, 1, 3);
    for (int i = 0; i < 10_000; i++) {
      limiter.acquire("198.51.100." + i);
    }
    assertThat(limiter.clients()).isEqualTo(3);

    RateLimiter small = limiter(1, 1, 2);
    small.acquire("a");
    small.acquire("b");
    assertThat(small.acquire("a")).as("a seen again, so b is the eldest").isPositive();
    small.acquire("c");
    assertThat(small.acquire("a")).as("a still remembered").isPositive();
    assertThat(small.acquire("b")).as("b was dropped and starts afresh").isZero();
  }

  @Test
  @DisplayName("a high limit lets thousands through at once")
  void highLimit() {
    RateLimiter limiter = limiter(1_000_000, 1_000_000, 10);
    for (int i = 0; i < 100_000; i++) {
      assertThat(limiter.acquire("a")).isZero();
    }
  }

  @Test
  @DisplayName("a limit below one request is a configuration error")
  void invalid() {
    assertThatIllegalArgumentException().isThrownBy(() -> limiter(0, 1, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> limiter(1, 0, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> limiter(1, 1, 0));
  }

  @Test
  @DisplayName("retryAfter tells what acquire would, without taking a token; forget fills the bucket")
  void peekAndForget() {
    RateLimiter limiter = new RateLimiter(Duration.ofMinutes(3), 2, 100, now::get);
    assertThat(limiter.retryAfter("a")).isZero();
    assertThat(limiter.retryAfter("a")).as("peeking takes nothing").isZero();
    limiter.acquire("a");
    limiter.acquire("a");
    assertThat(limiter.retryAfter("a")).isEqualTo(180);
    assertThat(limiter.acquire("a")).isEqualTo(180);
    limiter.forget("a");
    assertThat(limiter.retryAfter("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
  }

  @Test
  @DisplayName("a rate of one per several minutes")
  void slowRate() {
    RateLimiter limiter = new RateLimiter(Duration.ofMinutes(15).dividedBy(5), 5, 100, now::get);
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.acquire("a")).isZero();
    }
    assertThat(limiter.acquire("a")).isEqualTo(180);
    advance(3, TimeUnit.MINUTES);
    assertThat(limiter.acquire("a")).isZero();
  }
}
