package io.github.securityrelease.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * A token bucket's size and pace: {@code burst} requests at once, then one per {@code interval}.
 *
 * @param burst how many tokens the bucket holds (and a new or idle client has)
 * @param interval the time after which one token comes back
 */
public record Rate(int burst, Duration interval) {

  public Rate {
    if (burst < 1 || interval.toNanos() < 1) {
      throw new IllegalArgumentException("The rate must be positive, the burst at least 1");
    }
  }

  /** {@code burst} at once, then {@code requestsPerMinute} a minute. */
  public static Rate perMinute(int requestsPerMinute, int burst) {
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException("The rate must be at least 1 a minute");
    }
    return new Rate(burst, Duration.ofMinutes(1).dividedBy(requestsPerMinute));
  }

  /** {@code count} at once, each coming back one by one over {@code window}. */
  public static Rate perWindow(int count, Duration window) {
    if (count < 1) {
      throw new IllegalArgumentException("The count must be at least 1");
    }
    return new Rate(count, window.dividedBy(count));
  }

  /** The time an empty bucket takes to fill again. */
  Duration refillTime() {
    return interval.multipliedBy(burst);
  }

  /** Bucket4j's limit: greedy refill, so a token comes back every {@code interval}, not all at once. */
  Bandwidth bandwidth() {
    return Bandwidth.builder().capacity(burst).refillGreedy(1, interval).build();
  }

  BucketConfiguration configuration() {
    return BucketConfiguration.builder().addLimit(bandwidth()).build();
  }
}
