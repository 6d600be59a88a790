package io.github.securityrelease.advisory;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semver4j.Semver;
import org.semver4j.SemverException;

/**
 * A release's version as the team writes it ({@code v0.6.2}, {@code 0.6}, {@code v1.0.0-rc.1}),
 * read by semver4j as Semantic Versioning 2.0 ({@link Semver}: its precedence, its ranges).
 * The project's leniency stays here: the {@code v} or {@code V} prefix and build metadata are
 * dropped, and missing minor or patch numbers are 0 (semver4j's {@link Semver#coerce}).
 */
final class Versions {

  /** The version before every other: an advisory's "introduced 0". */
  static final Semver ZERO = Semver.ZERO;

  /** A version as the team writes one, for the patterns of {@link AffectedRange}. */
  static final String PATTERN = "[vV]?\\d+(?:\\.\\d+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?";

  /** Orders by release line (major.minor) alone: 0.5.0 and 0.5.4 are on one line. */
  static final Comparator<Semver> LINE = Comparator.comparingInt(Semver::getMajor).thenComparingInt(Semver::getMinor);

  private static final Pattern PARTS = Pattern.compile(
      "[vV]?(\\d+(?:\\.\\d+){0,2})(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

  private Versions() {}

  /**
   * The version {@code text} names, or empty when it is none: not of the team's shape, a
   * major, minor or patch number past {@code int}, or a pre-release SemVer forbids
   * ({@code 1.0.0-01}, {@code 1.0.0-rc..1}).
   */
  static Optional<Semver> parse(String text) {
    Matcher parts = PARTS.matcher(text.strip());
    if (!parts.matches()) {
      return Optional.empty();
    }
    Semver release = Semver.coerce(parts.group(1));
    String preRelease = parts.group(2);
    if (release == null || preRelease == null) {
      return Optional.ofNullable(release);
    }
    try {
      Semver version = release.withPreRelease(preRelease);
      return version.getPreRelease().stream().allMatch(Versions::comparable) ? Optional.of(version) : Optional.empty();
    } catch (SemverException notSemver) {
      return Optional.empty();
    }
  }

  /**
   * The lowest version of the next minor release line: 0.5.4 gives {@code 0.6.0-0}, which
   * SemVer orders before every pre-release of 0.6.0 ({@code 0.6.0-rc.1}), so that a range
   * starting there covers the line's pre-releases too (the Go vulnerability database writes
   * its OSV ranges this way).
   */
  static Semver nextLineStart(Semver version) {
    return Semver.of(version.getMajor(), version.getMinor() + 1, 0).withPreRelease("0").build();
  }

  /**
   * semver4j compares numeric pre-release identifiers as {@code long}; one past it would make
   * the comparison throw, so a version holding one is not read.
   */
  private static boolean comparable(String identifier) {
    if (!identifier.chars().allMatch(Character::isDigit)) {
      return true;
    }
    try {
      Long.parseLong(identifier);
      return true;
    } catch (NumberFormatException pastLong) {
      return false;
    }
  }
}
