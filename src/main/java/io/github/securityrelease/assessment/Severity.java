package io.github.securityrelease.assessment;

/** The qualitative rating of a CVSS score (R5); the same bands for CVSS 3.x and 4.0, for every kind of score. */
public enum Severity {
  NONE, LOW, MEDIUM, HIGH, CRITICAL;

  /**
   * The band of a score (base, temporal, threat, environmental or the whole vector's): None 0.0, Low 0.1-3.9, Medium 4.0-6.9, High 7.0-8.9,
   * Critical 9.0-10.0. Compared against the lower bounds, so a score between two printed
   * bands (3.95) still has one.
   */
  public static Severity of(double baseScore) {
    if (Double.isNaN(baseScore) || baseScore < 0.0 || baseScore > 10.0) {
      throw new IllegalArgumentException("A CVSS base score lies between 0.0 and 10.0, not " + baseScore);
    }
    if (baseScore == 0.0) {
      return NONE;
    }
    if (baseScore < 4.0) {
      return LOW;
    }
    if (baseScore < 7.0) {
      return MEDIUM;
    }
    return baseScore < 9.0 ? HIGH : CRITICAL;
  }
}
