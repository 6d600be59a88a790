package io.github.securityrelease.advisory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semver4j.Semver;
import org.semver4j.range.Range;
import org.semver4j.range.Range.RangeOperator;
import org.semver4j.range.RangeList;

/**
 * One run of affected versions: from {@code introduced} (inclusive) to {@code end}, which is
 * the first version with the fix ({@link End#FIXED}), the last affected version
 * ({@link End#LAST_AFFECTED}) or none known ({@link End#NONE}). The versions are semver4j's;
 * the team's text and the cuts by fixed releases are the project's.
 */
record AffectedRange(Semver introduced, Semver end, End endKind) {

  enum End { FIXED, LAST_AFFECTED, NONE }

  private static final String V = "(" + Versions.PATTERN + ")";
  /** {@code v0.5.0 - v0.6.1}, {@code 0.5.0 to 0.6.1}, {@code 0.5.0 – 0.6.1}: both ends affected. */
  private static final Pattern BETWEEN = Pattern.compile(V + "(?:\\s+-\\s+|\\s*[–—]\\s*|\\s+to\\s+)" + V,
      Pattern.CASE_INSENSITIVE);
  /** {@code < 0.6.2}, {@code <= 0.6.1}, {@code >= 0.5.0}, {@code = 0.6.0}, {@code v0.6.0}. */
  private static final Pattern BOUND = Pattern.compile("(<=|<|>=|=)?\\s*" + V);
  /** {@code >= 0.5.0 < 0.6.2}: both bounds in one segment. */
  private static final Pattern BOUNDS = Pattern.compile(">=\\s*" + V + "\\s*(?:,|&&)?\\s*(<=|<)\\s*" + V);

  /**
   * The ranges a case's free text names, one segment per comma, semicolon or line; a lower
   * bound alone ({@code >= 0.5.0}) takes the upper bound that follows it, if any. Empty when
   * any segment cannot be read: half a reading would state too little as affected.
   */
  static Optional<List<AffectedRange>> parse(String text) {
    List<AffectedRange> ranges = new ArrayList<>();
    for (String segment : text.split("[,;\\n]")) {
      if (segment.isBlank()) {
        continue;
      }
      Optional<AffectedRange> range = parseSegment(segment.strip());
      if (range.isEmpty()) {
        return Optional.empty();
      }
      Optional<AffectedRange> bounded = ranges.isEmpty() ? Optional.empty() : bounded(ranges.get(ranges.size() - 1), range.get());
      if (bounded.isPresent()) {
        ranges.set(ranges.size() - 1, bounded.get());
      } else {
        ranges.add(range.get());
      }
    }
    return ranges.isEmpty() ? Optional.empty() : Optional.of(ranges);
  }

  private static Optional<AffectedRange> parseSegment(String segment) {
    Matcher between = BETWEEN.matcher(segment);
    if (between.matches()) {
      return both(version(between.group(1)), version(between.group(2)), End.LAST_AFFECTED);
    }
    Matcher bounds = BOUNDS.matcher(segment);
    if (bounds.matches()) {
      return both(version(bounds.group(1)), version(bounds.group(3)),
          bounds.group(2).equals("<") ? End.FIXED : End.LAST_AFFECTED);
    }
    Matcher bound = BOUND.matcher(segment);
    if (!bound.matches()) {
      return Optional.empty();
    }
    Semver version = version(bound.group(2));
    String operator = bound.group(1) == null ? "=" : bound.group(1);
    return Optional.of(switch (operator) {
      case "<" -> new AffectedRange(Versions.ZERO, version, End.FIXED);
      case "<=" -> new AffectedRange(Versions.ZERO, version, End.LAST_AFFECTED);
      case ">=" -> new AffectedRange(version, null, End.NONE);
      default -> new AffectedRange(version, version, End.LAST_AFFECTED);
    });
  }

  /** {@code >= 0.5.0} then {@code < 0.6.2}: one range. */
  private static Optional<AffectedRange> bounded(AffectedRange lower, AffectedRange upper) {
    if (lower.endKind != End.NONE || !upper.fromZero() || upper.endKind == End.NONE) {
      return Optional.empty();
    }
    return both(lower.introduced, upper.end, upper.endKind);
  }

  private static Optional<AffectedRange> both(Semver from, Semver to, End kind) {
    boolean ordered = kind == End.FIXED ? from.compareTo(to) < 0 : from.compareTo(to) <= 0;
    return ordered ? Optional.of(new AffectedRange(from, to, kind)) : Optional.empty();
  }

  /** One range from the lowest start to the highest end of {@code runs}; open when any is. */
  static AffectedRange span(List<AffectedRange> runs) {
    Semver from = runs.stream().map(AffectedRange::introduced).min(Comparator.naturalOrder()).orElseThrow();
    if (runs.stream().anyMatch(run -> run.endKind == End.NONE)) {
      return new AffectedRange(from, null, End.NONE);
    }
    AffectedRange last = runs.stream().max((a, b) -> a.end.compareTo(b.end) != 0 ? a.end.compareTo(b.end)
        : a.endKind == End.LAST_AFFECTED ? 1 : b.endKind == End.LAST_AFFECTED ? -1 : 0).orElseThrow();
    return new AffectedRange(from, last.end, last.endKind);
  }

  /** As GitHub's {@code vulnerable_version_range}: {@code >= 0.5.0, < 0.6.2}, {@code <= 0.6.1}, {@code = 0.6.0}. */
  String github() {
    if (endKind == End.LAST_AFFECTED && introduced.equals(end)) {
      return "= " + end;
    }
    String lower = fromZero() ? null : ">= " + introduced;
    String upper = switch (endKind) {
      case FIXED -> "< " + end;
      case LAST_AFFECTED -> "<= " + end;
      case NONE -> null;
    };
    if (lower == null && upper == null) {
      return ">= 0";
    }
    return lower == null ? upper : upper == null ? lower : lower + ", " + upper;
  }

  /** True when the range starts before every version: {@code < 0.6.2}, {@code <= 0.6.1}. */
  boolean fromZero() {
    return Versions.ZERO.equals(introduced);
  }

  /** The start as OSV's {@code introduced} and the CVE record's {@code version} write it: {@code 0} before every version. */
  String start() {
    return fromZero() ? "0" : introduced.toString();
  }

  /** The versions this range holds as semver4j's range, pre-releases included. */
  RangeList versions() {
    List<Range> bounds = new ArrayList<>(List.of(new Range(introduced, RangeOperator.GTE)));
    switch (endKind) {
      case FIXED -> bounds.add(new Range(end, RangeOperator.LT));
      case LAST_AFFECTED -> bounds.add(new Range(end, RangeOperator.LTE));
      case NONE -> { }
    }
    return new RangeList(true).add(bounds);
  }

  private static Semver version(String text) {
    return Versions.parse(text).orElseThrow();
  }

  /**
   * This range cut by the releases that carry the fix (R19: fixes are backported to several
   * release lines, and R17 puts them on master first). Only the first fix of each release line
   * (major.minor) counts. A fix ends the run of its line; the next run starts at the first
   * version of the next line ({@code 0.6.0-0}, before its pre-releases) and goes on to the next
   * fix. An open range ({@code >= 0.5.0}) ends at its last fix: every later line carries it. A
   * bounded range ends at its bound, or at a fix on the bound's line, whichever comes first (a
   * fix there past a last affected version becomes the end); fixes on newer lines leave it
   * alone. So a fixed release is never inside a run. For {@code v0.5.0 - v0.6.1} and fixes
   * {@code v0.5.4, v0.6.2}: [0.5.0, 0.5.4) and [0.6.0-0, 0.6.2).
   */
  List<AffectedRange> cutBy(List<Semver> fixes) {
    List<AffectedRange> runs = new ArrayList<>();
    Semver from = introduced;
    for (Semver fix : firstFixOfEachLine(fixes)) {
      if (fix.compareTo(from) <= 0) {
        continue; // a line fixed before this range begins
      }
      if (endKind != End.NONE) {
        int line = Versions.LINE.compare(fix, end);
        if (line > 0 || line == 0 && endKind == End.FIXED && fix.compareTo(end) > 0) {
          break; // past the stated end: the text's end stands
        }
        if (line == 0) {
          runs.add(fixed(from, fix));
          return runs;
        }
      }
      runs.add(fixed(from, fix));
      from = Versions.nextLineStart(fix);
    }
    if (endKind != End.NONE) {
      runs.add(new AffectedRange(from, end, endKind));
    }
    return runs.isEmpty() ? List.of(this) : runs;
  }

  /**
   * A fixed release the stated range calls affected: inside a range that has an upper bound,
   * on that bound's release line (e.g. {@code >= 0.5.0 < 0.5.4} and {@code 0.5.3}, or
   * {@code v0.6.0} and {@code v0.6.0}). A release on an older line inside the range is a
   * backport ({@code < 0.6.2} and {@code 0.5.4}), and an open range ({@code >= 0.5.0}) says
   * nothing of where the fix lands: neither is a contradiction.
   */
  boolean contradicts(Semver fix) {
    return endKind != End.NONE && Versions.LINE.compare(fix, end) == 0 && versions().isSatisfiedBy(fix);
  }

  private static List<Semver> firstFixOfEachLine(List<Semver> fixes) {
    List<Semver> first = new ArrayList<>();
    for (Semver fix : fixes.stream().sorted().distinct().toList()) {
      if (first.isEmpty() || Versions.LINE.compare(first.get(first.size() - 1), fix) != 0) {
        first.add(fix);
      }
    }
    return first;
  }

  private static AffectedRange fixed(Semver from, Semver fix) {
    return new AffectedRange(from, fix, End.FIXED);
  }
}
