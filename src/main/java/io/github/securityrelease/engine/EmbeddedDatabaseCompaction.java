package io.github.securityrelease.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded default's H2 file near the size of its data. While the database is open,
 * H2 writes changed pages anew and keeps the old ones until they are compacted, which it hardly
 * does under a steady write load: the file grows to about four times its tables (1.5 GB at
 * 10,000 open cases, docs/benchmarks.md), and a normal close compacts it for 200 ms at most.
 *
 * <p>On a clean shutdown, after the engine and its job executor have stopped and before the
 * pool closes ({@link EmbeddedDatabaseCompactionConfiguration} orders the beans so), this runs
 * {@code SHUTDOWN COMPACT}: H2 closes the database, writes its live pages to a new file and puts
 * it in the old one's place. If the JVM stops before that, the old file is left as it was, closed
 * cleanly; a connection asked for meanwhile waits until H2 has finished. Only on an H2 file
 * database that this JVM opened itself (not in memory, not over TCP), never on PostgreSQL.
 * The shutdown waits for it at most {@code security-release.embedded-database.shutdown-compaction-timeout},
 * then goes on, and the log says what it did: the file's size before and after, and how long it took.
 */
public final class EmbeddedDatabaseCompaction {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseCompaction.class);

  /** H2's error code for "database is already closed". */
  private static final int DATABASE_CLOSED = 90121;

  private final DataSource dataSource;
  private final Duration timeout;

  public EmbeddedDatabaseCompaction(DataSource dataSource, Duration timeout) {
    this.dataSource = dataSource;
    this.timeout = timeout;
  }

  /** What a compaction did: the file, its size before and after in bytes, how long, and whether H2 finished in time. */
  public record Result(Path file, long bytesBefore, long bytesAfter, Duration took, boolean finished) {}

  /** Called by the context as it closes (the bean's destroy method). */
  void onShutdown() {
    try {
      compact();
    } catch (RuntimeException e) {
      // a shutdown goes on: the file is only larger than it needs to be
      log.warn("The embedded H2 database was not compacted on shutdown: {}", e.getMessage());
    }
  }

  /**
   * Compacts the database now, if it is an embedded H2 file and the timeout is not zero: H2
   * closes it first (the next connection opens it again). Empty where there is nothing to compact.
   */
  public Optional<Result> compact() {
    if (timeout.isZero() || timeout.isNegative()) {
      return Optional.empty();
    }
    Optional<Path> file = embeddedFile();
    if (file.isEmpty()) {
      return Optional.empty();
    }
    long before = size(file.get());
    long start = System.nanoTime();
    CompletableFuture<Void> shutdown = CompletableFuture.runAsync(this::shutdownCompact,
        runnable -> {
          Thread thread = new Thread(runnable, "h2-shutdown-compact");
          thread.setDaemon(true);
          thread.start();
        });
    boolean finished = await(shutdown);
    Result result = new Result(file.get(), before, size(file.get()), Duration.ofNanos(System.nanoTime() - start),
        finished);
    if (finished) {
      log.info("Compacted the embedded H2 database {} on shutdown: {} before, {} after, in {} ms",
          result.file(), mib(before), mib(result.bytesAfter()), result.took().toMillis());
    } else {
      log.warn("Compacting the embedded H2 database {} ({}) took longer than {}: the shutdown goes on without"
          + " it; the file stays as it was if the JVM ends first", result.file(), mib(before), timeout);
    }
    return Optional.of(result);
  }

  /** The {@code .mv.db} file of an H2 database opened in this JVM from a file; empty for anything else. */
  private Optional<Path> embeddedFile() {
    try (Connection connection = dataSource.getConnection()) {
      String url = connection.getMetaData().getURL();
      if (!"H2".equals(connection.getMetaData().getDatabaseProductName()) || url == null
          || url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:")) {
        return Optional.empty();
      }
      try (Statement statement = connection.createStatement();
          ResultSet path = statement.executeQuery("select database_path()")) {
        String name = path.next() ? path.getString(1) : null;
        Path file = name == null ? null : Path.of(name + ".mv.db");
        return file != null && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tell which database this is: " + e.getMessage(), e);
    }
  }

  private void shutdownCompact() {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("shutdown compact");
    } catch (SQLException e) {
      // the connection's close after the shutdown may fail: the database is closed by then
      if (e.getErrorCode() != DATABASE_CLOSED) {
        throw new IllegalStateException("SHUTDOWN COMPACT failed: " + e.getMessage(), e);
      }
    }
  }

  private boolean await(CompletableFuture<Void> shutdown) {
    try {
      shutdown.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  private static String mib(long bytes) {
    return "%.1f MiB".formatted(bytes / (1024.0 * 1024.0));
  }
}
