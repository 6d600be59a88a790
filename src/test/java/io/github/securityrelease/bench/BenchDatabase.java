package io.github.securityrelease.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A benchmark's H2 file database, as the embedded default keeps it ({@code ./data}), under
 * {@code target/bench/db/<name>/}: made afresh for each run, left behind for a look.
 */
final class BenchDatabase {

  private static final Path ROOT = BenchReport.DIRECTORY.resolve("db");

  private BenchDatabase() {}

  /** The JDBC URL of an empty database {@code name}; anything from an earlier run is deleted. */
  static String fresh(String name) {
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

  /** The database's one file ({@code .mv.db}); its size is what the disk holds after a {@code CHECKPOINT SYNC}. */
  static Path file(String name) {
    return ROOT.resolve(name).resolve("security-release.mv.db");
  }
}
