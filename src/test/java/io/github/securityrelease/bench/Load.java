package io.github.securityrelease.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load while a benchmark runs: shared, with 2 cores, its figures need it beside them. */
final class Load {

  private Load() {}

  /** The 1, 5 and 15 minute load averages ({@code uptime}'s), or "unknown" off Linux. */
  static String average() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + ", " + fields[1] + ", " + fields[2];
    } catch (IOException | RuntimeException unknown) {
      return "unknown";
    }
  }
}
