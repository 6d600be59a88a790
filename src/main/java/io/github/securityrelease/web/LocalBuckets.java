package io.github.securityrelease.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A limit's buckets in this node's memory: Bucket4j local buckets, one per key. At most
 * {@code maxClients} are remembered, the least recently used dropped first, so that requests
 * from many addresses cannot exhaust memory. A dropped client starts again with a full bucket:
 * only when more than {@code maxClients} addresses are busy at once does that let a flood through
 * faster, and then no per-address limit would hold anyway.
 */
final class LocalBuckets implements RateLimit.Buckets {

  private final Rate rate;
  private final TimeMeter clock;
  private final Map<String, Bucket> buckets;

  LocalBuckets(Rate rate, int maxClients, TimeMeter clock) {
    if (maxClients < 1) {
      throw new IllegalArgumentException("maxClients must be at least 1");
    }
    this.rate = rate;
    this.clock = clock;
    this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > maxClients;
      }
    };
  }

  /**
   * A clock of {@code nanoTime}'s ticks counted from now: Bucket4j compares its times, which
   * {@link System#nanoTime()}, whose origin is anywhere, may overflow; differences never do.
   */
  static TimeMeter clock(LongSupplier nanoTime) {
    long origin = nanoTime.getAsLong();
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return nanoTime.getAsLong() - origin;
      }

      @Override
      public boolean isWallClockBased() {
        return false;
      }
    };
  }

  @Override
  public long apply(String key, Function<Bucket, Long> use) {
    Bucket bucket;
    synchronized (buckets) {
      bucket = buckets.computeIfAbsent(key,
          absent -> Bucket.builder().addLimit(rate.bandwidth()).withCustomTimePrecision(clock).build());
    }
    return use.apply(bucket);
  }

  @Override
  public void forget(String key) {
    synchronized (buckets) {
      buckets.remove(key);
    }
  }

  int size() {
    synchronized (buckets) {
      return buckets.size();
    }
  }
}
