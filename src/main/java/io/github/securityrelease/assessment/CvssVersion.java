package io.github.securityrelease.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CVSS versions the service scores (R5): every metric each one knows with its values, in
 * the order and the letter case of the specification (CVSS v3.1 section 6 table 15; v3.0
 * section 6; v4.0 section 7 and FIRST's calculator's {@code metrics.js}). That order is the
 * canonical order of a vector.
 */
enum CvssVersion {

  V3_0("3.0", 8, Metrics.V3),
  V3_1("3.1", 8, Metrics.V3),
  V4_0("4.0", 11, Metrics.V4);

  private final String number;
  private final int baseMetricCount;
  private final Map<String, List<String>> metrics;

  CvssVersion(String number, int baseMetricCount, Map<String, List<String>> metrics) {
    this.number = number;
    this.baseMetricCount = baseMetricCount;
    this.metrics = metrics;
  }

  /** The prefix, {@code CVSS:3.1}, in any letter case. */
  static Optional<CvssVersion> ofPrefix(String prefix) {
    return Stream.of(values()).filter(version -> version.prefix().equalsIgnoreCase(prefix)).findFirst();
  }

  String number() {
    return number;
  }

  /** The first segment of a vector of this version, {@code CVSS:3.1}. */
  String prefix() {
    return "CVSS:" + number;
  }

  /** The mandatory metrics, in the specification's order. */
  List<String> baseMetrics() {
    return metrics.keySet().stream().limit(baseMetricCount).toList();
  }

  /** Every metric, in the specification's order. */
  List<String> metrics() {
    return List.copyOf(metrics.keySet());
  }

  /** The metric as the specification writes it ({@code mav} is {@code MAV}), if this version has it. */
  Optional<String> metric(String name) {
    return metrics.keySet().stream().filter(metric -> metric.equalsIgnoreCase(name)).findFirst();
  }

  /**
   * The value as the specification writes it ({@code clear} is {@code Clear}), if the metric
   * takes it. {@code X} (not defined) is a value of every metric but the base ones.
   */
  Optional<String> value(String metric, String value) {
    return metrics.get(metric).stream().filter(known -> known.equalsIgnoreCase(value)).findFirst();
  }

  private static final class Metrics {

    static final Map<String, List<String>> V3 = new LinkedHashMap<>();
    static final Map<String, List<String>> V4 = new LinkedHashMap<>();

    static {
      // base
      V3.put("AV", List.of("N", "A", "L", "P"));
      V3.put("AC", List.of("L", "H"));
      V3.put("PR", List.of("N", "L", "H"));
      V3.put("UI", List.of("N", "R"));
      V3.put("S", List.of("U", "C"));
      V3.put("C", List.of("H", "L", "N"));
      V3.put("I", List.of("H", "L", "N"));
      V3.put("A", List.of("H", "L", "N"));
      // temporal
      V3.put("E", List.of("X", "H", "F", "P", "U"));
      V3.put("RL", List.of("X", "U", "W", "T", "O"));
      V3.put("RC", List.of("X", "C", "R", "U"));
      // environmental
      V3.put("CR", List.of("X", "H", "M", "L"));
      V3.put("IR", List.of("X", "H", "M", "L"));
      V3.put("AR", List.of("X", "H", "M", "L"));
      V3.put("MAV", List.of("X", "N", "A", "L", "P"));
      V3.put("MAC", List.of("X", "L", "H"));
      V3.put("MPR", List.of("X", "N", "L", "H"));
      V3.put("MUI", List.of("X", "N", "R"));
      V3.put("MS", List.of("X", "U", "C"));
      V3.put("MC", List.of("X", "H", "L", "N"));
      V3.put("MI", List.of("X", "H", "L", "N"));
      V3.put("MA", List.of("X", "H", "L", "N"));

      // base
      V4.put("AV", List.of("N", "A", "L", "P"));
      V4.put("AC", List.of("L", "H"));
      V4.put("AT", List.of("N", "P"));
      V4.put("PR", List.of("N", "L", "H"));
      V4.put("UI", List.of("N", "P", "A"));
      V4.put("VC", List.of("H", "L", "N"));
      V4.put("VI", List.of("H", "L", "N"));
      V4.put("VA", List.of("H", "L", "N"));
      V4.put("SC", List.of("H", "L", "N"));
      V4.put("SI", List.of("H", "L", "N"));
      V4.put("SA", List.of("H", "L", "N"));
      // threat
      V4.put("E", List.of("X", "A", "P", "U"));
      // environmental
      V4.put("CR", List.of("X", "H", "M", "L"));
      V4.put("IR", List.of("X", "H", "M", "L"));
      V4.put("AR", List.of("X", "H", "M", "L"));
      V4.put("MAV", List.of("X", "N", "A", "L", "P"));
      V4.put("MAC", List.of("X", "L", "H"));
      V4.put("MAT", List.of("X", "N", "P"));
      V4.put("MPR", List.of("X", "N", "L", "H"));
      V4.put("MUI", List.of("X", "N", "P", "A"));
      V4.put("MVC", List.of("X", "H", "L", "N"));
      V4.put("MVI", List.of("X", "H", "L", "N"));
      V4.put("MVA", List.of("X", "H", "L", "N"));
      V4.put("MSC", List.of("X", "H", "L", "N"));
      V4.put("MSI", List.of("X", "S", "H", "L", "N"));
      V4.put("MSA", List.of("X", "S", "H", "L", "N"));
      // supplemental: no effect on the score
      V4.put("S", List.of("X", "N", "P"));
      V4.put("AU", List.of("X", "N", "Y"));
      V4.put("R", List.of("X", "A", "U", "I"));
      V4.put("V", List.of("X", "D", "C"));
      V4.put("RE", List.of("X", "L", "M", "H"));
      V4.put("U", List.of("X", "Clear", "Green", "Amber", "Red"));
    }
  }
}
