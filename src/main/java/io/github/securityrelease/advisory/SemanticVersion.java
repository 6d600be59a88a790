package io.github.securityrelease.advisory;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release's version as the team writes it ({@code v0.6.2}, {@code 0.6}, {@code v1.0.0-rc.1}),
 * read as Semantic Versioning 2.0: missing minor or patch numbers are 0, the {@code v} prefix
 * and build metadata are dropped. Ordered by SemVer precedence.
 */
record SemanticVersion(int major, int minor, int patch, String preRelease) implements Comparable<SemanticVersion> {

  /** The version before every other: an advisory's "introduced 0". */
  static final SemanticVersion ZERO = new SemanticVersion(0, 0, 0, null);

  static final String PATTERN = "[vV]?\\d+(?:\\.\\d+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?";

  private static final Pattern PARTS = Pattern.compile(
      "[vV]?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

  private static final Comparator<SemanticVersion> PRECEDENCE = Comparator
      .comparingInt(SemanticVersion::major)
      .thenComparingInt(SemanticVersion::minor)
      .thenComparingInt(SemanticVersion::patch)
      .thenComparing(SemanticVersion::preRelease, SemanticVersion::comparePreRelease);

  static Optional<SemanticVersion> parse(String text) {
    Matcher parts = PARTS.matcher(text.strip());
    if (!parts.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SemanticVersion(Integer.parseInt(parts.group(1)), number(parts.group(2)),
          number(parts.group(3)), parts.group(4)));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }

  /**
   * The lowest version of the next minor release line: 0.5.4 gives {@code 0.6.0-0}, which
   * SemVer orders before every pre-release of 0.6.0 ({@code 0.6.0-rc.1}), so that a range
   * starting there covers the line's pre-releases too (the Go vulnerability database writes
   * its OSV ranges this way).
   */
  SemanticVersion nextLineStart() {
    return new SemanticVersion(major, minor + 1, 0, "0");
  }

  /** Compares the release lines (major.minor) only. */
  int compareLine(SemanticVersion other) {
    return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
  }

  boolean isZero() {
    return equals(ZERO);
  }

  @Override
  public int compareTo(SemanticVersion other) {
    return PRECEDENCE.compare(this, other);
  }

  /** SemVer without the {@code v}: what OSV's SEMVER ranges and CVE's {@code semver} type expect. */
  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease);
  }

  private static int number(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }

  /** SemVer 11.3: a release ranks above its pre-releases; identifiers compare one by one. */
  private static int comparePreRelease(String left, String right) {
    if (left == null || right == null) {
      return left == null ? (right == null ? 0 : 1) : -1;
    }
    String[] a = left.split("\\.");
    String[] b = right.split("\\.");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      int order = compareIdentifier(a[i], b[i]);
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static int compareIdentifier(String a, String b) {
    boolean numericA = a.chars().allMatch(Character::isDigit);
    boolean numericB = b.chars().allMatch(Character::isDigit);
    if (numericA && numericB) {
      return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
    return numericA ? -1 : numericB ? 1 : a.compareTo(b);
  }
}
