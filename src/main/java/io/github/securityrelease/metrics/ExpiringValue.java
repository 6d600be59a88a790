package io.github.securityrelease.metrics;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read at most once per {@code ttl}, however many gauges ask for it: the gauges of one
 * query share one read per scrape, and a storm of scrapes costs the database one read per
 * {@code ttl}. A read that fails keeps the last value (logged, and tried again only after
 * {@code ttl}), so that a scrape never fails because of the database. Timed by the JVM's
 * monotonic clock, not the engine's: tests move the engine clock by days.
 */
final class ExpiringValue<T> implements Supplier<T> {

  private static final Logger log = LoggerFactory.getLogger(ExpiringValue.class);

  private final String name;
  private final long ttlNanos;
  private final Supplier<T> reader;
  private final LongSupplier nanoTime;

  private T value;
  private long readAt;
  private boolean read;

  ExpiringValue(String name, Duration ttl, Supplier<T> reader, T initial) {
    this(name, ttl, reader, initial, System::nanoTime);
  }

  ExpiringValue(String name, Duration ttl, Supplier<T> reader, T initial, LongSupplier nanoTime) {
    this.name = name;
    this.ttlNanos = ttl.toNanos();
    this.reader = Objects.requireNonNull(reader);
    this.value = Objects.requireNonNull(initial);
    this.nanoTime = nanoTime;
  }

  @Override
  public synchronized T get() {
    long now = nanoTime.getAsLong();
    if (read && now - readAt < ttlNanos) {
      return value;
    }
    try {
      value = Objects.requireNonNull(reader.get(), name);
    } catch (RuntimeException e) {
      log.warn("Metrics: could not read {} ({}); the last figures stand", name, e.toString());
    }
    readAt = now;
    read = true;
    return value;
  }
}
