package io.github.securityrelease.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client, kept as one number: the time at which the client's bucket is full
 * again (the generic cell rate algorithm). A client may send {@code burst} requests at once,
 * then one per {@code interval}.
 *
 * <p>At most {@code maxClients} clients are remembered, the least recently seen dropped first,
 * so that requests from many addresses cannot exhaust memory. A dropped client starts again
 * with a full bucket: only when more than {@code maxClients} addresses are busy at once does
 * that let a flood through faster, and then no per-address limit would hold anyway.
 */
public class RateLimiter {

  private final long intervalNanos;
  private final long toleranceNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Long> fullAgainAt;

  RateLimiter(int perMinute, int burst, int maxClients, LongSupplier nanoTime) {
    this(perMinute < 1 ? Duration.ZERO : Duration.ofMinutes(1).dividedBy(perMinute), burst, maxClients, nanoTime);
  }

  /** {@code burst} tokens at once, then one per {@code interval}. */
  public RateLimiter(Duration interval, int burst, int maxClients, LongSupplier nanoTime) {
    if (interval.toNanos() < 1 || burst < 1 || maxClients < 1) {
      throw new IllegalArgumentException("The rate must be positive, burst and maxClients at least 1");
    }
    this.intervalNanos = interval.toNanos();
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
  public synchronized long acquire(String client) {
    long now = nanoTime.getAsLong();
    long theoretical = theoretical(client, now);
    long wait = wait(theoretical, now);
    if (wait == 0) {
      fullAgainAt.put(client, theoretical + intervalNanos);
    }
    return wait;
  }

  /** What {@link #acquire} would answer now, without taking a token. */
  public synchronized long retryAfter(String client) {
    long now = nanoTime.getAsLong();
    return wait(theoretical(client, now), now);
  }

  /** Fills {@code client}'s bucket again. */
  public synchronized void forget(String client) {
    fullAgainAt.remove(client);
  }

  private long theoretical(String client, long now) {
    Long stored = fullAgainAt.get(client);
    // nanoTime may be negative: compare differences, never the values themselves
    return stored == null || stored - now < 0 ? now : stored;
  }

  private long wait(long theoretical, long now) {
    long wait = theoretical - now - toleranceNanos;
    return wait > 0 ? Math.max(1, (wait + 999_999_999L) / 1_000_000_000L) : 0;
  }

  synchronized int clients() {
    return fullAgainAt.size();
  }
}
