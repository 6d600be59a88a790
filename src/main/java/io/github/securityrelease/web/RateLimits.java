package io.github.securityrelease.web;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The service's rate limits, handed out by name: each user asks for its own ({@link #limit} for
 * what a flood from outside costs, {@link #perNode} for what each node counts alone), and gets
 * a {@link RateLimit} of Bucket4j token buckets, one per client.
 *
 * <p><b>On PostgreSQL</b> (the datasource's URL says so, as for the start lock) the buckets of
 * {@link #limit} are rows of {@code rate_limit_bucket} (Flyway, {@code V20}), which every node
 * reads and writes in a transaction of its own, so that the limit is the cluster's: two nodes
 * let one client through no more than one would. Bucket4j's select-for-update backend: a row
 * lock per bucket, and a new bucket's row inserted with {@code ON CONFLICT DO NOTHING}. Not its
 * advisory-lock backend, whose locks share the database's one key space of advisory locks with
 * the start lock's ({@code cluster/StartLock}): a bucket whose key hashed to that key would wait
 * for a node's start. A bucket's row expires when the bucket would be full again (plus a minute
 * for the nodes' clocks, which Bucket4j reads); every node deletes expired rows every {@code
 * security-release.rate-limit.cleanup-interval}, so that clients gone quiet do not grow the
 * table, and a client whose row went starts with a full bucket, as it would have had. Should the
 * database fail, each limit falls back to this node's memory ({@link DatabaseBuckets}).
 *
 * <p><b>On H2</b>, the embedded default of one node, every bucket is in memory, at most {@code
 * security-release.rate-limit.max-clients} per limit ({@link LocalBuckets}).
 */
@Component
public class RateLimits implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

  /** How long a full bucket's row stays: the nodes' clocks may be that far apart. */
  private static final Duration KEPT_WHEN_FULL = Duration.ofMinutes(1);

  /** Expired rows deleted per statement: a short transaction, repeated until none is left. */
  private static final int CLEANUP_BATCH = 1000;

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> database;
  private final TimeMeter clock;
  private final int maxClients;
  private final Duration cleanupInterval;
  private final DatabaseBuckets.Outage outage = new DatabaseBuckets.Outage();
  private final Map<String, Rate> names = new ConcurrentHashMap<>();
  private ScheduledExecutorService cleaner;

  @Autowired
  RateLimits(DataSourceProperties dataSourceProperties, DataSource dataSource, RateLimitProperties properties) {
    this(DatabaseDriver.fromJdbcUrl(dataSourceProperties.determineUrl()) == DatabaseDriver.POSTGRESQL
        ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_bucket")
            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_WHEN_FULL))
            .build()
        : null, System::nanoTime, properties.maxClients(), properties.cleanupInterval());
  }

  private RateLimits(PostgreSQLSelectForUpdateBasedProxyManager<String> database, LongSupplier nanoTime,
      int maxClients, Duration cleanupInterval) {
    this.database = database;
    this.clock = LocalBuckets.clock(nanoTime);
    this.maxClients = maxClients;
    this.cleanupInterval = cleanupInterval;
  }

  /** Every limit in memory, on {@code nanoTime}'s clock, up to {@code maxClients} clients each: for a test. */
  public static RateLimits inMemory(LongSupplier nanoTime, int maxClients) {
    return new RateLimits(null, nanoTime, maxClients, Duration.ZERO);
  }

  /** The limit named {@code name}: the cluster's on PostgreSQL, in memory on H2. */
  public RateLimit limit(String name, Rate rate) {
    claim(name, rate);
    LocalBuckets local = new LocalBuckets(rate, maxClients, clock);
    return new RateLimit(name, database == null ? local : new DatabaseBuckets(database, rate, local, outage));
  }

  /**
   * The limit named {@code name}, each node's own, in memory for at most {@code maxClients}
   * clients: for a limit asked on every request, where a database's round trip would cost more
   * than the limit saves.
   */
  public RateLimit perNode(String name, Rate rate, int maxClients) {
    claim(name, rate);
    return new RateLimit(name, new LocalBuckets(rate, maxClients, clock));
  }

  /** A name is one limit's: two limits under one name would share their buckets in the database. */
  private void claim(String name, Rate rate) {
    if (names.putIfAbsent(name, rate) != null) {
      throw new IllegalStateException("A second rate limit named " + name);
    }
  }

  /** Whether the limits of {@link #limit} are the cluster's (in the database). */
  public boolean clusterWide() {
    return database != null;
  }

  /** Deletes the rows of the buckets that are full again; how many. */
  int removeExpired() {
    int removed = 0;
    int batch;
    do {
      batch = database.removeExpired(CLEANUP_BATCH);
      removed += batch;
    } while (batch == CLEANUP_BATCH);
    return removed;
  }

  private void removeExpiredSafely() {
    try {
      int removed = removeExpired();
      log.debug("Removed {} expired rate limit buckets", removed);
    } catch (RuntimeException e) {
      // the next round tries again; until then the table holds a few rows more
      log.warn("Removing the expired rate limit buckets failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void start() {
    if (database == null || cleaner != null) {
      return;
    }
    cleaner = Executors.newSingleThreadScheduledExecutor(work -> {
      Thread thread = new Thread(work, "rate-limit-cleanup");
      thread.setDaemon(true);
      return thread;
    });
    long interval = Math.max(1, cleanupInterval.toMillis());
    cleaner.scheduleWithFixedDelay(this::removeExpiredSafely, interval, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (cleaner != null) {
      cleaner.shutdownNow();
      cleaner = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return cleaner != null;
  }
}
