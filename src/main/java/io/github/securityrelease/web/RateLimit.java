package io.github.securityrelease.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * One named limit ({@link RateLimits}): a Bucket4j token bucket of its {@link Rate} per client
 * (an address, or whatever its user counts by). Where the buckets are is the {@link Buckets}'
 * business: this node's memory, or the database all nodes share.
 */
public final class RateLimit {

  /** The longest bucket key kept as it is: the database's column takes 255 characters. */
  static final int MAX_KEY = 200;

  private final String name;
  private final Buckets buckets;

  RateLimit(String name, Buckets buckets) {
    this.name = name;
    this.buckets = buckets;
  }

  /**
   * Takes a token of {@code client}'s bucket.
   *
   * @return 0 when the request may go on, else the seconds (at least 1) until it may be retried
   */
  public long acquire(String client) {
    return buckets.apply(key(client), bucket -> {
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
      return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
    });
  }

  /** What {@link #acquire} would answer now, without taking a token. */
  public long retryAfter(String client) {
    return buckets.apply(key(client), bucket -> {
      EstimationProbe probe = bucket.estimateAbilityToConsume(1);
      return probe.canBeConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
    });
  }

  /** Fills {@code client}'s bucket again (forgets it: a client never seen has a full one). */
  public void forget(String client) {
    buckets.forget(key(client));
  }

  /**
   * The bucket's key: the limit's name and the client. A client's text may be anyone's (an account
   * name given at a login, a forwarded address): a long one is kept as its SHA-256.
   */
  String key(String client) {
    String key = name + " " + client;
    return key.length() <= MAX_KEY ? key : name + " sha256:" + sha256(client);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }

  private static long seconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }

  /** Where a limit's buckets are kept. */
  interface Buckets {

    /** {@code use} applied to the bucket of {@code key}. */
    long apply(String key, Function<Bucket, Long> use);

    /** Drops the bucket of {@code key}: its next use finds a full one. */
    void forget(String key);
  }
}
