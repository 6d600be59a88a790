package io.github.securityrelease.bench;

import io.github.securityrelease.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A benchmark's database: by default an H2 file database, as the embedded default keeps it
 * ({@code ./data}), under {@code target/bench/db/<name>/}; with the system property
 * {@value #PROPERTY}{@code =postgres} (the bench profile's second execution) a database
 * {@code sro_bench_<name>} of its own on the PostgreSQL server of {@code SECURITY_RELEASE_TEST_POSTGRES_URL}
 * ({@link TestDatabase}), as production keeps it. Either is made afresh for each run and left
 * behind for a look.
 */
final class BenchDatabase {

  /** The system property that names the benchmarks' database: {@code h2} unless set. */
  static final String PROPERTY = "sro.bench.database";

  private static final Path ROOT = BenchReport.DIRECTORY.resolve("db");

  private BenchDatabase() {}

  static boolean postgres() {
    return "postgres".equals(System.getProperty(PROPERTY));
  }

  /**
   * Whether a benchmark runs in this JVM ({@code @EnabledIf}): on H2 always, on PostgreSQL when
   * there is a server ({@code SECURITY_RELEASE_TEST_POSTGRES_URL}).
   */
  static boolean available() {
    return !postgres() || TestDatabase.postgresAtHand();
  }

  /** The database's name in a section's text. */
  static String label() {
    return postgres() ? "PostgreSQL" : "H2";
  }

  /** A section's file name for this database: {@code 5-scale-h2}, {@code 5-scale-postgres}. */
  static String section(String name) {
    return name + (postgres() ? "-postgres" : "-h2");
  }

  /** An empty database {@code name} as the service's datasource; anything from an earlier run is dropped. */
  static void register(DynamicPropertyRegistry registry, String name) {
    register(registry, name, "");
  }

  /** The same, with {@code h2Settings} ({@code ;KEY=VALUE...}) added to the URL on H2. */
  static void register(DynamicPropertyRegistry registry, String name, String h2Settings) {
    String url = postgres() ? freshPostgres(name) : freshH2(name) + h2Settings;
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> TestDatabase.username(url));
    registry.add("spring.datasource.password", () -> TestDatabase.password(url));
  }

  private static String freshPostgres(String name) {
    String database = "sro_bench_" + name.replace('-', '_');
    try (Connection admin = DriverManager.getConnection(TestDatabase.ADMIN_URL, TestDatabase.USERNAME,
        TestDatabase.PASSWORD); Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists " + database + " with (force)");
      statement.execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the benchmark's database " + database + " on "
          + TestDatabase.ADMIN_URL + " as " + TestDatabase.USERNAME + " (a role with CREATEDB; see .ci/run): "
          + e.getMessage(), e);
    }
    int slash = TestDatabase.ADMIN_URL.lastIndexOf('/');
    int query = TestDatabase.ADMIN_URL.indexOf('?', slash);
    return TestDatabase.ADMIN_URL.substring(0, slash + 1) + database
        + (query < 0 ? "" : TestDatabase.ADMIN_URL.substring(query));
  }

  private static String freshH2(String name) {
    Path dir = ROOT.resolve(name);
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(file);
          }
        }
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "jdbc:h2:file:" + file(name).toAbsolutePath().toString().replaceFirst("\\.mv\\.db$", "")
        // Spring closes the database with its pool: H2 closing it first, at JVM exit, fails the engine's last commands
        + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
  }

  /** The H2 database's one file ({@code .mv.db}); its size is what the disk holds after a {@code CHECKPOINT SYNC}. */
  static Path file(String name) {
    return ROOT.resolve(name).resolve("security-release.mv.db");
  }
}
