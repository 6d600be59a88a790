package io.github.securityrelease.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.securityrelease.TestLogs;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The limits of {@link RateLimits} in memory, on a clock of the test's, and the fallback when the database fails. */
class RateLimitTest {

  // a nanoTime far from zero and about to overflow: the limits must only compare differences
  private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - TimeUnit.SECONDS.toNanos(30));
  private final RateLimits limits = RateLimits.inMemory(now::get, 100);

  @RegisterExtension
  final TestLogs logs = new TestLogs(RateLimits.class.getName());

  private RateLimit limit(int perMinute, int burst) {
    return limits.limit("test", Rate.perMinute(perMinute, burst));
  }

  private void advance(long amount, TimeUnit unit) {
    now.addAndGet(unit.toNanos(amount));
  }

  @Test
  @DisplayName("a client may send the burst at once, then is told when to retry")
  void burstThenRefused() {
    RateLimit limit = limit(10, 3);
    assertThat(limit.acquire("a")).isZero();
    assertThat(limit.acquire("a")).isZero();
    assertThat(limit.acquire("a")).isZero();
    // 10 per minute: the next token comes 6 seconds after the first was taken
    assertThat(limit.acquire("a")).isEqualTo(6);
    advance(1, TimeUnit.SECONDS);
    assertThat(limit.acquire("a")).isEqualTo(5);
  }

  @Test
  @DisplayName("tokens come back at the configured rate, and a refused request takes none")
  void refill() {
    RateLimit limit = limit(10, 2);
    limit.acquire("a");
    limit.acquire("a");
    for (int i = 0; i < 50; i++) {
      assertThat(limit.acquire("a")).isPositive();
    }
    advance(6, TimeUnit.SECONDS);
    assertThat(limit.acquire("a")).as("one token after 6 s").isZero();
    assertThat(limit.acquire("a")).isEqualTo(6);
    advance(5999, TimeUnit.MILLISECONDS);
    assertThat(limit.acquire("a")).as("rounded up, never 0").isEqualTo(1);
    advance(1, TimeUnit.MILLISECONDS);
    assertThat(limit.acquire("a")).isZero();
  }

  @Test
  @DisplayName("an idle client gets back no more than the burst")
  void idleClientBurstOnly() {
    RateLimit limit = limit(60, 2);
    limit.acquire("a");
    advance(1, TimeUnit.HOURS);
    assertThat(limit.acquire("a")).isZero();
    assertThat(limit.acquire("a")).isZero();
    assertThat(limit.acquire("a")).isEqualTo(1);
  }

  @Test
  @DisplayName("each client address has a bucket of its own, and each limit")
  void perClient() {
    RateLimit limit = limit(1, 1);
    assertThat(limit.acquire("192.0.2.1")).isZero();
    assertThat(limit.acquire("192.0.2.1")).isEqualTo(60);
    assertThat(limit.acquire("192.0.2.2")).isZero();
    RateLimit other = limits.limit("other", Rate.perMinute(1, 1));
    assertThat(other.acquire("192.0.2.1")).isZero();
  }

  @Test
  @DisplayName("no more clients are remembered than configured: the least recently seen goes first")
  void boundedMemory() {
    LocalBuckets buckets = new LocalBuckets(Rate.perMinute(1, 1), 3, LocalBuckets.clock(now::get));
    RateLimit limit = new RateLimit("many", buckets);
    for (int i = 0; i < 10_000; i++) {
      limit.acquire("198.51.100." + i);
    }
    assertThat(buckets.size()).isEqualTo(3);

    RateLimit small = RateLimits.inMemory(now::get, 2).limit("small", Rate.perMinute(1, 1));
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
    RateLimit limit = limit(1_000_000, 1_000_000);
    for (int i = 0; i < 100_000; i++) {
      assertThat(limit.acquire("a")).isZero();
    }
  }

  @Test
  @DisplayName("a limit below one request, or a second limit of one name, is a configuration error")
  void invalid() {
    assertThatIllegalArgumentException().isThrownBy(() -> Rate.perMinute(0, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> Rate.perMinute(1, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> Rate.perWindow(0, Duration.ofMinutes(1)));
    assertThatIllegalArgumentException().isThrownBy(() -> RateLimits.inMemory(now::get, 0).limit("x", Rate.perMinute(1, 1))
        .acquire("a"));
    limits.limit("once", Rate.perMinute(1, 1));
    assertThatIllegalStateException().isThrownBy(() -> limits.perNode("once", Rate.perMinute(2, 2), 10));
  }

  @Test
  @DisplayName("retryAfter tells what acquire would, without taking a token; forget fills the bucket")
  void peekAndForget() {
    RateLimit limit = limits.perNode("peek", new Rate(2, Duration.ofMinutes(3)), 100);
    assertThat(limit.retryAfter("a")).isZero();
    assertThat(limit.retryAfter("a")).as("peeking takes nothing").isZero();
    limit.acquire("a");
    limit.acquire("a");
    assertThat(limit.retryAfter("a")).isEqualTo(180);
    assertThat(limit.acquire("a")).isEqualTo(180);
    limit.forget("a");
    assertThat(limit.retryAfter("a")).isZero();
    assertThat(limit.acquire("a")).isZero();
    assertThat(limit.acquire("a")).isZero();
  }

  @Test
  @DisplayName("a rate of one per several minutes")
  void slowRate() {
    RateLimit limit = limits.perNode("slow", Rate.perWindow(5, Duration.ofMinutes(15)), 100);
    for (int i = 0; i < 5; i++) {
      assertThat(limit.acquire("a")).isZero();
    }
    assertThat(limit.acquire("a")).isEqualTo(180);
    advance(3, TimeUnit.MINUTES);
    assertThat(limit.acquire("a")).isZero();
  }

  @Test
  @DisplayName("a bucket's key is the limit's name and the client; a long client text goes as its SHA-256")
  void keys() {
    RateLimit limit = limit(1, 1);
    assertThat(limit.key("203.0.113.1")).isEqualTo("test 203.0.113.1");
    String longText = "x".repeat(5000);
    assertThat(limit.key(longText)).hasSizeLessThanOrEqualTo(RateLimit.MAX_KEY).startsWith("test sha256:")
        .isNotEqualTo(limit.key(longText + "y"));
    assertThat(limit.acquire(longText)).isZero();
    assertThat(limit.acquire(longText)).as("one bucket for the long text").isPositive();
  }

  @Test
  @DisplayName("when the database cannot be asked, the limit holds on this node's buckets, and says so once")
  void databaseDownFallsBackToThisNode() throws SQLException {
    DataSource down = mock(DataSource.class);
    when(down.getConnection()).thenThrow(new SQLException("Connection refused"));
    DatabaseBuckets.Outage outage = new DatabaseBuckets.Outage();
    Rate rate = Rate.perMinute(1, 2);
    RateLimit limit = new RateLimit("POST /api/v1/reports", new DatabaseBuckets(
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(down).primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_bucket").build(),
        rate, new LocalBuckets(rate, 10, LocalBuckets.clock(now::get)), outage));

    assertThat(limit.acquire("203.0.113.9")).isZero();
    assertThat(limit.acquire("203.0.113.9")).isZero();
    assertThat(limit.acquire("203.0.113.9")).as("refused past the burst, not let through").isEqualTo(60);
    assertThat(limit.acquire("203.0.113.10")).as("nor is every client refused").isZero();
    assertThat(outage.failing()).isTrue();
    assertThat(logs.lines()).as("logged once").hasSize(1).first().asString()
        .contains("cannot be used", "Connection refused", "each node limits on its own");
  }
}
