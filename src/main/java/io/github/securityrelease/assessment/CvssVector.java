package io.github.securityrelease.assessment;

import static io.github.securityrelease.assessment.InvalidCvssVectorException.WHOLE_VECTOR;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A CVSS 3.0, 3.1 or 4.0 vector read strictly, kept in canonical form.
 *
 * <p>Canonical: the metrics in the specification's order, names and values in its letter case
 * ({@code CVSS:4.0/.../U:Clear}), and no metric whose value is {@code X} (not defined: it
 * changes no score, and FIRST's calculators leave it out too). Anything that maps onto exactly
 * one canonical vector is normalised: another order, {@code cvss:3.1}, {@code av:n},
 * {@code U:clear}. Refused, naming the metric: a metric the version does not have, a value it
 * does not take, a metric given twice (even with the same value: which one was meant?), a
 * missing base metric; naming the whole vector: an unknown version, an empty or malformed
 * segment. The calculator library forgives a metric given twice (it keeps the last), a
 * trailing slash, a segment with two colons, and fails on an empty value with an index error;
 * this reader does not.
 *
 * @param metrics the defined metrics, canonical names to canonical values
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
    String[] segments = input.trim().split("/", -1);
    CvssVersion version = CvssVersion.ofPrefix(segments[0]).orElseThrow(() -> invalid(
        "vector must start with " + ACCEPTED + " (CVSS v2 and other versions are not scored)"));
    Map<String, String> given = new HashMap<>();
    for (int i = 1; i < segments.length; i++) {
      String[] segment = segment(segments[i], i + 1);
      String metric = version.metric(segment[0]).orElseThrow(() -> new InvalidCvssVectorException(
          segment[0], segment[0] + " is not a CVSS " + version.number() + " metric"));
      String value = version.value(metric, segment[1]).orElseThrow(() -> new InvalidCvssVectorException(
          metric, metric + ": '" + segment[1] + "' is not a valid value"));
      if (given.putIfAbsent(metric, value) != null) {
        throw new InvalidCvssVectorException(metric, metric + " is given more than once");
      }
    }
    requireBaseMetrics(version, given);
    Map<String, String> metrics = new LinkedHashMap<>();
    version.metrics().stream().filter(metric -> given.containsKey(metric) && !given.get(metric).equals("X"))
        .forEach(metric -> metrics.put(metric, given.get(metric)));
    return new CvssVector(version, text(version, metrics), metrics);
  }

  /** The value of a defined metric, else {@code X}. */
  String value(String metric) {
    return metrics.getOrDefault(metric, "X");
  }

  /** Whether any of these metrics is defined (not {@code X}). */
  boolean definesAny(List<String> names) {
    return names.stream().anyMatch(metrics::containsKey);
  }

  /** This vector with only the metrics named, in canonical form. */
  CvssVector only(List<String> names) {
    Map<String, String> kept = new LinkedHashMap<>(metrics);
    kept.keySet().retainAll(names);
    return new CvssVector(version, text(version, kept), kept);
  }

  /** The vector of the base metrics alone. */
  CvssVector base() {
    return only(version.baseMetrics());
  }

  private static String text(CvssVersion version, Map<String, String> metrics) {
    return version.prefix() + metrics.entrySet().stream()
        .map(metric -> "/" + metric.getKey() + ":" + metric.getValue()).collect(Collectors.joining());
  }

  private static String[] segment(String segment, int position) {
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
