package io.github.securityrelease;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client, kept as one number: the time at which the client's bucket is full
 * again (the generic cell rate algorithm). A client may send {@code burst} requests at once,
 * then one per {@code 1/perMinute} minute.
 *
 * <p>At most {@code maxClients} clients are remembered, the least recently seen dropped first,
 * so that requests from many addresses cannot exhaust memory. A dropped client starts again
 * with a full bucket: only when more than {@code maxClients} addresses are busy at once does
 * that let a flood through faster, and then no per-address limit would hold anyway.
 */
class RateLimiter {

  private final long intervalNanos;
  private final long toleranceNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Long> fullAgainAt;

  RateLimiter(int perMinute, int burst, int maxClients, LongSupplier nanoTime) {
    if (perMinute < 1 || burst < 1 || maxClients < 1) {
      throw new IllegalArgumentException("perMinute, burst and maxClients must be at least 1");
    }
    this.intervalNanos = 60_000_000_000L / perMinute;
    this.toleranceNanos = intervalNanos * (burst - 1);
    this.nanoTime = nanoTime;
    this.fullAgainAt = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
        return size() > maxClients;
      }
    };
  }

  /**
   * Takes a token of {@code client}'s bucket.
   *
   * @return 0 when the request may go on, else the seconds (at least 1) until it may be retried
   */
  synchronized long acquire(String client) {
    long now = nanoTime.getAsLong();
    Long stored = fullAgainAt.get(client);
    // nanoTime may be negative: compare differences, never the values themselves
    long theoretical = stored == null || stored - now < 0 ? now : stored;
    long wait = theoretical - now - toleranceNanos;
    if (wait > 0) {
      return Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
    }
    fullAgainAt.put(client, theoretical + intervalNanos);
    return 0;
  }

  synchronized int clients() {
    return fullAgainAt.size();
  }
}
