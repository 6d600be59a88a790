package io.github.securityrelease.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A limit's buckets in the database every node shares (Bucket4j's PostgreSQL backend, {@link
 * RateLimits}), so that a client gets one limit whichever node it reaches.
 *
 * <p>When the database cannot be asked (it is down, the pool is exhausted), the limit falls back
 * to this node's buckets in memory ({@link LocalBuckets}) rather than let every request through
 * or refuse them all: a flood is still limited, per node, and the pages that need no database
 * stay up. The switch is logged once ({@link Outage}, shared by all limits), and so is the way
 * back. The fallback's buckets start full: for the length of an outage a client may get a burst
 * more per node.
 */
final class DatabaseBuckets implements RateLimit.Buckets {

  private final ProxyManager<String> proxies;
  private final BucketConfiguration configuration;
  private final LocalBuckets fallback;
  private final Outage outage;

  DatabaseBuckets(ProxyManager<String> proxies, Rate rate, LocalBuckets fallback, Outage outage) {
    this.proxies = proxies;
    this.configuration = rate.configuration();
    this.fallback = fallback;
    this.outage = outage;
  }

  @Override
  public long apply(String key, Function<Bucket, Long> use) {
    long answer;
    try {
      answer = use.apply(proxies.builder().build(key, () -> configuration));
    } catch (RuntimeException e) {
      outage.failed(e);
      return fallback.apply(key, use);
    }
    outage.ended();
    return answer;
  }

  @Override
  public void forget(String key) {
    fallback.forget(key);
    try {
      proxies.removeProxy(key);
    } catch (RuntimeException e) {
      outage.failed(e);
    }
  }

  /** Whether the database's buckets failed last time: a warning when they start to, a note when they work again. */
  static final class Outage {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final AtomicBoolean failing = new AtomicBoolean();

    void failed(RuntimeException e) {
      if (failing.compareAndSet(false, true)) {
        // the exception's type and message: the database's answer, never the datasource's password
        log.warn("The rate limits' buckets in the database cannot be used ({}: {}): each node limits on its own"
            + " until they can", e.getClass().getSimpleName(), e.getMessage());
      }
    }

    void ended() {
      if (failing.get() && failing.compareAndSet(true, false)) {
        log.info("The rate limits' buckets in the database work again: the limits are the cluster's");
      }
    }

    boolean failing() {
      return failing.get();
    }
  }
}
