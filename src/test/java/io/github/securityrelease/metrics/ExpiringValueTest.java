package io.github.securityrelease.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExpiringValueTest {

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final AtomicInteger reads = new AtomicInteger();

  @Test
  @DisplayName("a scrape storm reads the database once per time to live")
  void readsOncePerTtl() {
    ExpiringValue<Integer> value = new ExpiringValue<>("test", Duration.ofSeconds(10), reads::incrementAndGet, 0,
        nanos::get);

    assertThat(value.get()).isEqualTo(1);
    for (int i = 0; i < 100; i++) {
      nanos.addAndGet(Duration.ofMillis(99).toNanos());
      assertThat(value.get()).isEqualTo(1);
    }
    nanos.addAndGet(Duration.ofMillis(100).toNanos());
    assertThat(value.get()).as("10 s on: read again").isEqualTo(2);
    assertThat(reads).hasValue(2);
  }

  @Test
  @DisplayName("a time to live of 0 reads at every scrape")
  void zeroTtlReadsEveryTime() {
    ExpiringValue<Integer> value = new ExpiringValue<>("test", Duration.ZERO, reads::incrementAndGet, 0, nanos::get);

    assertThat(value.get()).isEqualTo(1);
    assertThat(value.get()).isEqualTo(2);
    assertThat(value.get()).isEqualTo(3);
  }

  @Test
  @DisplayName("a failed read keeps the last figures and is not tried again before the time to live")
  void failureKeepsLastValue() {
    AtomicInteger attempts = new AtomicInteger();
    ExpiringValue<Integer> value = new ExpiringValue<>("test", Duration.ofSeconds(10), () -> {
      if (attempts.incrementAndGet() > 1) {
        throw new IllegalStateException("database down");
      }
      return 7;
    }, 0, nanos::get);

    assertThat(value.get()).isEqualTo(7);
    nanos.addAndGet(Duration.ofSeconds(11).toNanos());
    assertThat(value.get()).as("the last figures stand").isEqualTo(7);
    assertThat(value.get()).isEqualTo(7);
    assertThat(attempts).as("no second attempt within the time to live").hasValue(2);
  }

  @Test
  @DisplayName("before the first successful read the initial value stands")
  void initialValue() {
    ExpiringValue<Integer> value = new ExpiringValue<>("test", Duration.ofSeconds(10), () -> {
      throw new IllegalStateException("database down");
    }, 0, nanos::get);

    assertThat(value.get()).isZero();
  }
}
