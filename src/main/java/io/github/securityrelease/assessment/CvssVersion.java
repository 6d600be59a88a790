package io.github.securityrelease.assessment;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The CVSS versions the service scores (R5), with the metrics each one knows. */
enum CvssVersion {

  V3_0("3.0", Metrics.BASE_3, Metrics.OTHER_3),
  V3_1("3.1", Metrics.BASE_3, Metrics.OTHER_3),
  V4_0("4.0", Metrics.BASE_4, Metrics.OTHER_4);

  private final String number;
  private final List<String> baseMetrics;
  private final List<String> otherMetrics;

  CvssVersion(String number, List<String> baseMetrics, List<String> otherMetrics) {
    this.number = number;
    this.baseMetrics = baseMetrics;
    this.otherMetrics = otherMetrics;
  }

  static Optional<CvssVersion> ofPrefix(String prefix) {
    return Stream.of(values()).filter(version -> version.prefix().equals(prefix)).findFirst();
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
    return baseMetrics;
  }

  boolean knows(String metric) {
    return baseMetrics.contains(metric) || otherMetrics.contains(metric);
  }

  private static final class Metrics {

    static final List<String> BASE_3 = List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A");
    /** Temporal and environmental. */
    static final List<String> OTHER_3 = List.of("E", "RL", "RC", "CR", "IR", "AR",
        "MAV", "MAC", "MPR", "MUI", "MS", "MC", "MI", "MA");
    static final List<String> BASE_4 = List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA");
    /** Threat, environmental and supplemental. */
    static final List<String> OTHER_4 = List.of("E", "CR", "IR", "AR",
        "MAV", "MAC", "MAT", "MPR", "MUI", "MVC", "MVI", "MVA", "MSC", "MSI", "MSA",
        "S", "AU", "R", "V", "RE", "U");
  }
}
