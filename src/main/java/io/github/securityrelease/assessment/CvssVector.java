package io.github.securityrelease.assessment;

import static io.github.securityrelease.assessment.InvalidCvssVectorException.WHOLE_VECTOR;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A CVSS 3.0, 3.1 or 4.0 vector read strictly. The calculator library forgives what a record
 * of an assessment must not: a metric given twice (it keeps the last), a trailing slash, a
 * segment with two colons, and it fails on an empty value with an index error.
 */
record CvssVector(CvssVersion version, String text, Map<String, String> metrics) {

  /** Far above the longest vector the specifications allow (4.0 with every metric: ~180). */
  static final int MAX_LENGTH = 512;

  private static final String ACCEPTED = "CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/";

  static CvssVector parse(String input) {
    if (input == null || input.isBlank()) {
      throw invalid("vector is required, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    }
    if (input.length() > MAX_LENGTH) {
      throw invalid("vector is longer than " + MAX_LENGTH + " characters");
    }
    String text = input.trim();
    String[] segments = text.split("/", -1);
    CvssVersion version = CvssVersion.ofPrefix(segments[0]).orElseThrow(() -> invalid(
        "vector must start with " + ACCEPTED + " (CVSS v2 and other versions are not scored)"));
    Map<String, String> metrics = new LinkedHashMap<>();
    for (int i = 1; i < segments.length; i++) {
      String[] metric = metric(segments[i], i + 1);
      if (!version.knows(metric[0])) {
        throw new InvalidCvssVectorException(metric[0], metric[0] + " is not a CVSS " + version.number() + " metric");
      }
      if (metrics.putIfAbsent(metric[0], metric[1]) != null) {
        throw new InvalidCvssVectorException(metric[0], metric[0] + " is given more than once");
      }
    }
    requireBaseMetrics(version, metrics);
    return new CvssVector(version, text, Map.copyOf(metrics));
  }

  /** The vector of the base metrics alone, in the specification's order. */
  String baseVector() {
    return version.prefix() + "/" + version.baseMetrics().stream()
        .map(metric -> metric + ":" + metrics.get(metric))
        .collect(Collectors.joining("/"));
  }

  private static String[] metric(String segment, int position) {
    String[] parts = segment.split(":", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw invalid("segment " + position + " ('" + segment + "') is not METRIC:VALUE");
    }
    return parts;
  }

  private static void requireBaseMetrics(CvssVersion version, Map<String, String> metrics) {
    List<String> missing = version.baseMetrics().stream().filter(metric -> !metrics.containsKey(metric)).toList();
    if (!missing.isEmpty()) {
      throw new InvalidCvssVectorException(missing.get(0), String.join(", ", missing) + (missing.size() == 1
          ? " is" : " are") + " missing: a CVSS " + version.number() + " vector needs every base metric ("
          + String.join(", ", version.baseMetrics()) + ")");
    }
  }

  private static InvalidCvssVectorException invalid(String message) {
    return new InvalidCvssVectorException(WHOLE_VECTOR, message);
  }
}
