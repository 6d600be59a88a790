package io.github.securityrelease;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database an IT runs on. By default H2, the embedded default's database. With the
 * system property {@code sro.test.database=postgres} an IT runs on a real PostgreSQL server
 * instead, on a database of its own that is created for it and dropped when its JVM ends. The
 * IT suites set it ({@link SharedContextOnPostgres}, {@link OwnContextsOnPostgres}), which the
 * {@code postgres-tests} Maven profile runs beside those on H2 when
 * {@code SECURITY_RELEASE_TEST_POSTGRES_URL} is in the environment, as CI does; and so does
 * {@code -Dit.database=postgres} for the ITs named by {@code -Dit.test}.
 */
public final class TestDatabase {

  /** The server's maintenance database, reached by a role that may create databases. */
  public static final String ADMIN_URL = env("SECURITY_RELEASE_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/postgres");
  public static final String USERNAME = env("SECURITY_RELEASE_TEST_POSTGRES_USER", "sro_test");
  public static final String PASSWORD = env("SECURITY_RELEASE_TEST_POSTGRES_PASSWORD", "sro_test");

  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final List<String> CREATED = new ArrayList<>();

  private TestDatabase() {}

  /** The values of the system property {@value #PROPERTY}. */
  public static final String H2 = "h2";
  public static final String POSTGRES = "postgres";
  /** The system property that names this JVM's database: {@value #H2} unless set. */
  static final String PROPERTY = "sro.test.database";

  public static boolean postgres() {
    return POSTGRES.equals(System.getProperty(PROPERTY));
  }

  /**
   * Whether the ITs have a PostgreSQL server ({@code SECURITY_RELEASE_TEST_POSTGRES_URL}): then
   * the postgres-tests profile runs them on it too ({@link ItsOnPostgres}).
   */
  public static boolean postgresAtHand() {
    String url = System.getenv("SECURITY_RELEASE_TEST_POSTGRES_URL");
    return url != null && !url.isBlank();
  }

  /**
   * For an IT that runs once a build ({@code @EnabledIf}): on PostgreSQL when the ITs have it, as
   * production runs, on H2 otherwise; the other database's suite leaves it out.
   */
  public static boolean onceABuild() {
    return postgres() == postgresAtHand();
  }

  /**
   * For an IT of the web layer's configuration alone, with a context of its own, which no
   * database changes ({@code @EnabledIf}): on H2, so that the PostgreSQL suite does not start that
   * context again.
   */
  public static boolean onH2Alone() {
    return !postgres();
  }

  /** The database of the ITs this JVM runs from now on: an IT suite's first step ({@link SharedContextOnH2}). */
  public static void use(String database) {
    if (!H2.equals(database) && !POSTGRES.equals(database)) {
      throw new IllegalArgumentException("no test database " + database);
    }
    System.setProperty(PROPERTY, database);
  }

  /**
   * A new, empty database: H2 in memory, or a PostgreSQL database of its own, dropped when
   * the JVM ends (for services the test closes itself, before that).
   */
  public static String fresh() {
    return postgres() ? createPostgres(true) : "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
  }

  /**
   * A new PostgreSQL database that the caller drops ({@link #drop}): a Spring test context
   * closes in a shutdown hook of its own, and must find its database still there.
   */
  static String freshUndropped() {
    return createPostgres(false);
  }

  /** A database that outlives the service that uses it: an H2 file under {@code dir}, or PostgreSQL. */
  public static String persistent(Path dir) {
    return postgres() ? createPostgres(true) : "jdbc:h2:file:" + dir.resolve("security-release") + ";LOCK_TIMEOUT=10000";
  }

  static void drop(String url) {
    String name = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
    try (Connection admin = DriverManager.getConnection(ADMIN_URL, USERNAME, PASSWORD);
        Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      System.err.println("Could not drop the test database " + name + ": " + e.getMessage());
    }
  }

  public static String username(String url) {
    return url.startsWith("jdbc:postgresql:") ? USERNAME : "sa";
  }

  public static String password(String url) {
    return url.startsWith("jdbc:postgresql:") ? PASSWORD : "";
  }

  /** The datasource as Spring Boot arguments. */
  public static String[] arguments(String url) {
    return new String[] {"--spring.datasource.url=" + url, "--spring.datasource.username=" + username(url),
        "--spring.datasource.password=" + password(url)};
  }

  public static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, username(url), password(url));
  }

  /** The rows {@code sql} finds in the database at {@code url}, each read by {@code row}. */
  public static <T> List<T> query(String url, String sql, Row<T> row) throws SQLException {
    try (Connection connection = connect(url);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      List<T> result = new ArrayList<>();
      while (rs.next()) {
        result.add(row.read(rs));
      }
      return result;
    }
  }

  /** Reads one row of a result. */
  public interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private static synchronized String createPostgres(boolean dropAtExit) {
    String name = ("sro_it_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet() + "_"
        + Long.toString(System.nanoTime() % 1_000_000L, 36)).toLowerCase(Locale.ROOT);
    try (Connection admin = DriverManager.getConnection(ADMIN_URL, USERNAME, PASSWORD);
        Statement statement = admin.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the test database " + name + " on " + ADMIN_URL
          + " as " + USERNAME + " (a role with CREATEDB; see .ci/run): " + e.getMessage(), e);
    }
    if (dropAtExit) {
      if (CREATED.isEmpty()) {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropAll, "drop-test-databases"));
      }
      CREATED.add(name);
    }
    int slash = ADMIN_URL.lastIndexOf('/');
    int query = ADMIN_URL.indexOf('?', slash);
    return ADMIN_URL.substring(0, slash + 1) + name + (query < 0 ? "" : ADMIN_URL.substring(query));
  }

  private static synchronized void dropAll() {
    try (Connection admin = DriverManager.getConnection(ADMIN_URL, USERNAME, PASSWORD);
        Statement statement = admin.createStatement()) {
      for (String name : CREATED) {
        statement.execute("drop database if exists " + name + " with (force)");
      }
    } catch (SQLException e) {
      System.err.println("Could not drop the test databases " + CREATED + ": " + e.getMessage());
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
