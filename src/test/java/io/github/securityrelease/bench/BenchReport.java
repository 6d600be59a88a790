package io.github.securityrelease.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmarks' report: each benchmark writes its section (a Markdown table and what it
 * means) under {@code target/bench/sections/}, and {@link #section} assembles every section
 * written so far into {@code target/bench/results.md} and prints it, so the file is whole
 * after any one benchmark and after all of them.
 */
public final class BenchReport {

  static final Path DIRECTORY = Path.of("target", "bench");
  static final Path SECTIONS = DIRECTORY.resolve("sections");
  static final Path RESULTS = DIRECTORY.resolve("results.md");

  private BenchReport() {}

  /**
   * Writes the section {@code name} (its file name orders it: "1-statements", "2-intake", ...),
   * then assembles and prints results.md.
   */
  public static synchronized void section(String name, String markdown) {
    try {
      Files.createDirectories(SECTIONS);
      Files.writeString(SECTIONS.resolve(name + ".md"), markdown.strip() + "\n", StandardCharsets.UTF_8);
      String results = header() + "\n" + sections();
      Files.writeString(RESULTS, results, StandardCharsets.UTF_8);
      System.out.println("\n" + results);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The machine the figures come from: they mean little without it. */
  static String header() {
    Runtime runtime = Runtime.getRuntime();
    return "# Benchmark results\n\n"
        + "Run " + Instant.now() + " on " + runtime.availableProcessors() + " cores, Java "
        + System.getProperty("java.version") + ", max heap " + runtime.maxMemory() / (1024 * 1024) + " MiB, "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "; JVM "
        + ManagementFactory.getRuntimeMXBean().getVmName() + ".\n";
  }

  private static String sections() throws IOException {
    try (Stream<Path> files = Files.list(SECTIONS)) {
      List<Path> sorted = files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
      StringBuilder all = new StringBuilder();
      for (Path file : sorted) {
        all.append('\n').append(Files.readString(file, StandardCharsets.UTF_8));
      }
      return all.toString();
    }
  }
}
