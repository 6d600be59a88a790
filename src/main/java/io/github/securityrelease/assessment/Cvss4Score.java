package io.github.securityrelease.assessment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CVSS 4.0 score of a whole vector (base, threat, environmental; supplemental metrics do not
 * count), ported line by line from FIRST's reference calculator, {@code CVSS40.calculateScore()}
 * in {@code cvss40.js} of
 * <a href="https://github.com/RedHatProductSecurity/cvss-v4-calculator">RedHatProductSecurity/cvss-v4-calculator</a>
 * at commit {@code d1eafe06859e6610600f772ed98502bc1cd63526} (1 November 2024, BSD-2-Clause;
 * the calculator FIRST publishes at first.org/cvss/calculator/4.0 is built from it), with its
 * tables: the MacroVector scores ({@code LOOKUP_TABLE}, in {@code cvss4-macrovectors.tsv} beside
 * this class), the highest vectors of each MacroVector ({@code MAX_COMPOSED}) and their depths
 * ({@code MAX_SEVERITY}). The arithmetic is the reference's, in the same order, in the same IEEE
 * doubles as JavaScript's, so the results agree to the last bit.
 *
 * <p>Rounding: half up, as the reference does since its rounding fixes of 2024 ({@code
 * Math.round(value * 10) / 10} instead of {@code toFixed(1)} in January, then with
 * {@code EPSILON = 10^-6} added first in PR #67, October 2024, so that a tie that floating point
 * computes as 8.549999999999999 rounds to 8.6). The older copy in FIRSTdotorg/cvss-v4-calculator
 * (commit c5b0d409, August 2024) predates the epsilon and still gives 8.5 there.
 *
 * <p>Why not the library ({@code us.springett:cvss-calculator} 1.5.1): its 4.0 scores differ
 * from the reference's on 522 of the 104,976 base vectors (ties round down, e.g.
 * {@code CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:L/VA:N/SC:H/SI:H/SA:H} is 8.6, not 8.5) and on
 * 45 of the 10,000 vectors with threat and environmental metrics below (measured once against
 * the reference's scores). The service used to score the base metrics alone with it, so that
 * {@code E:U} left a vector FIRST rates HIGH at CRITICAL. Cvss4ReferenceTest
 * holds this class to the reference on every base vector and on 10,000 vectors with threat,
 * environmental and supplemental metrics.
 */
final class Cvss4Score {

  private static final Map<String, Double> LOOKUP = lookup();

  private static final Map<String, Double> AV = Map.of("N", 0.0, "A", 0.1, "L", 0.2, "P", 0.3);
  private static final Map<String, Double> PR = Map.of("N", 0.0, "L", 0.1, "H", 0.2);
  private static final Map<String, Double> UI = Map.of("N", 0.0, "P", 0.1, "A", 0.2);
  private static final Map<String, Double> AC = Map.of("L", 0.0, "H", 0.1);
  private static final Map<String, Double> AT = Map.of("N", 0.0, "P", 0.1);
  private static final Map<String, Double> VULNERABLE = Map.of("H", 0.0, "L", 0.1, "N", 0.2);
  private static final Map<String, Double> SC = Map.of("H", 0.1, "L", 0.2, "N", 0.3);
  private static final Map<String, Double> SUBSEQUENT = Map.of("S", 0.0, "H", 0.1, "L", 0.2, "N", 0.3);
  private static final Map<String, Double> REQUIREMENT = Map.of("H", 0.0, "M", 0.1, "L", 0.2);
  private static final Map<String, Double> EXPLOIT = Map.of("U", 0.2, "P", 0.1, "A", 0.0);
  private static final double EPSILON = Math.pow(10, -6);
  private static final double STEP = 0.1;

  /** MAX_COMPOSED */
  private static final List<List<String>> EQ1_MAXES = List.of(List.of("AV:N/PR:N/UI:N/"),
      List.of("AV:A/PR:N/UI:N/", "AV:N/PR:L/UI:N/", "AV:N/PR:N/UI:P/"),
      List.of("AV:P/PR:N/UI:N/", "AV:A/PR:L/UI:P/"));
  private static final List<List<String>> EQ2_MAXES = List.of(List.of("AC:L/AT:N/"),
      List.of("AC:H/AT:N/", "AC:L/AT:P/"));
  /** By eq3, then eq6. */
  private static final List<List<List<String>>> EQ3_EQ6_MAXES = List.of(
      List.of(List.of("VC:H/VI:H/VA:H/CR:H/IR:H/AR:H/"),
          List.of("VC:H/VI:H/VA:L/CR:M/IR:M/AR:H/", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M/")),
      List.of(List.of("VC:L/VI:H/VA:H/CR:H/IR:H/AR:H/", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H/"),
          List.of("VC:L/VI:H/VA:L/CR:H/IR:M/AR:H/", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M/",
              "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M/", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H/",
              "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M/")),
      List.of(List.of(), List.of("VC:L/VI:L/VA:L/CR:H/IR:H/AR:H/")));
  private static final List<List<String>> EQ4_MAXES = List.of(List.of("SC:H/SI:S/SA:S/"),
      List.of("SC:H/SI:H/SA:H/"), List.of("SC:L/SI:L/SA:L/"));
  private static final List<List<String>> EQ5_MAXES = List.of(List.of("E:A/"), List.of("E:P/"), List.of("E:U/"));

  /** MAX_SEVERITY: the depth of each MacroVector (+1), by eq level. */
  private static final int[] EQ1_DEPTH = {1, 4, 5};
  private static final int[] EQ2_DEPTH = {1, 2};
  private static final int[][] EQ3_EQ6_DEPTH = {{7, 6}, {8, 8}, {0, 10}};
  private static final int[] EQ4_DEPTH = {6, 5, 4};

  /** The metrics of METRIC_LEVELS, in its order. */
  private static final List<String> DISTANCE_METRICS = List.of(
      "AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA", "CR", "IR", "AR", "E");

  private Cvss4Score() {}

  /** The score, one decimal, of a CVSS 4.0 vector. */
  static double of(CvssVector vector) {
    if (vector.version() != CvssVersion.V4_0) {
      throw new IllegalArgumentException("not a CVSS 4.0 vector: " + vector.text());
    }
    Map<String, String> selected = vector.version().metrics().stream()
        .collect(HashMap::new, (map, metric) -> map.put(metric, vector.value(metric)), HashMap::putAll);
    return score(selected, macroVector(selected));
  }

  /** calculateScore(): the MacroVector's score less the mean proportional distance to the next lower ones. */
  private static double score(Map<String, String> selected, String macro) {
    if (List.of("VC", "VI", "VA", "SC", "SI", "SA").stream().allMatch(metric -> m(selected, metric).equals("N"))) {
      return 0.0;
    }
    double value = LOOKUP.get(macro);
    int[] eq = macro.chars().map(digit -> digit - '0').toArray();
    double[] nextLower = nextLowerScores(eq[0], eq[1], eq[2], eq[3], eq[4], eq[5]);
    double[] d = severityDistances(selected, eq[0], eq[1], eq[2], eq[3], eq[4], eq[5]);
    // EQ1..EQ4 and EQ3+EQ6 as the reference sums them; EQ5's proportion is always 0
    double[] current = {d[0] + d[1] + d[2], d[3] + d[4], d[5] + d[6] + d[7] + d[11] + d[12] + d[13],
        d[8] + d[9] + d[10], 0};
    double[] depth = {EQ1_DEPTH[eq[0]] * STEP, EQ2_DEPTH[eq[1]] * STEP, EQ3_EQ6_DEPTH[eq[2]][eq[5]] * STEP,
        EQ4_DEPTH[eq[3]] * STEP, STEP};
    int existingLower = 0;
    double normalizedSum = 0;
    for (int i = 0; i < nextLower.length; i++) {
      // the maximal scoring difference; NaN where there is no lower MacroVector, then ignored
      double available = value - nextLower[i];
      if (!Double.isNaN(available)) {
        existingLower++;
        normalizedSum += available * (current[i] / depth[i]);
      }
    }
    double meanDistance = existingLower == 0 ? 0 : normalizedSum / existingLower;
    return roundToDecimalPlaces(Math.max(0, Math.min(10, value - meanDistance)));
  }

  /** The scores of the next lower MacroVectors for EQ1, EQ2, EQ3+EQ6, EQ4, EQ5; NaN where none. */
  private static double[] nextLowerScores(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
    double eq3eq6;
    if (eq3 == 0 && eq6 == 0) {
      // 00 -> 01 or 10, the higher; JavaScript's Math.max, as Java's: NaN when either is missing
      eq3eq6 = Math.max(lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1), lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6));
    } else if (eq3 == 1 && eq6 == 0) {
      eq3eq6 = lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
    } else if (eq3 == 2) {
      // 21 -> 32, which does not exist
      eq3eq6 = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6 + 1);
    } else {
      // 11 -> 21, 01 -> 11
      eq3eq6 = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
    }
    return new double[] {lookup(eq1 + 1, eq2, eq3, eq4, eq5, eq6), lookup(eq1, eq2 + 1, eq3, eq4, eq5, eq6),
        eq3eq6, lookup(eq1, eq2, eq3, eq4 + 1, eq5, eq6), lookup(eq1, eq2, eq3, eq4, eq5 + 1, eq6)};
  }

  /**
   * calculateSeverityDistances(): the severity distances (in the order of {@link
   * #DISTANCE_METRICS}) from the first highest vector of the MacroVector that is at least as
   * severe in every metric; as in the reference, the last one tried when none is.
   */
  private static double[] severityDistances(Map<String, String> selected, int eq1, int eq2, int eq3, int eq4,
      int eq5, int eq6) {
    double[] distance = new double[DISTANCE_METRICS.size()];
    for (String eq1Max : EQ1_MAXES.get(eq1)) {
      for (String eq2Max : EQ2_MAXES.get(eq2)) {
        for (String eq3Eq6Max : EQ3_EQ6_MAXES.get(eq3).get(eq6)) {
          for (String eq4Max : EQ4_MAXES.get(eq4)) {
            for (String eq5Max : EQ5_MAXES.get(eq5)) {
              Map<String, String> max = parse(eq1Max + eq2Max + eq3Eq6Max + eq4Max + eq5Max);
              boolean below = false;
              for (int i = 0; i < distance.length; i++) {
                String metric = DISTANCE_METRICS.get(i);
                Map<String, Double> levels = levels(metric);
                distance[i] = level(levels, m(selected, metric)) - level(levels, max.get(metric));
                below |= !(distance[i] >= 0);
              }
              if (!below) {
                return distance;
              }
            }
          }
        }
      }
    }
    return distance;
  }

  /** The reference's roundToDecimalPlaces(): half up, after EPSILON against floating-point error. */
  private static double roundToDecimalPlaces(double value) {
    return Math.round((value + EPSILON) * 10) / 10.0;
  }

  private static Map<String, Double> levels(String metric) {
    return switch (metric) {
      case "AV" -> AV;
      case "PR" -> PR;
      case "UI" -> UI;
      case "AC" -> AC;
      case "AT" -> AT;
      case "VC", "VI", "VA" -> VULNERABLE;
      case "SC" -> SC;
      case "SI", "SA" -> SUBSEQUENT;
      case "E" -> EXPLOIT;
      default -> REQUIREMENT;
    };
  }

  /** A level; NaN for a value the table lacks, as JavaScript's {@code undefined} in arithmetic. */
  private static double level(Map<String, Double> levels, String value) {
    Double level = value == null ? null : levels.get(value);
    return level == null ? Double.NaN : level;
  }

  /** getEffectiveMetricValue(): the effective value, a modified metric over its base metric, X at its worst case. */
  private static String m(Map<String, String> selected, String metric) {
    String value = selected.get(metric);
    if (metric.equals("E") && value.equals("X")) {
      return "A";
    }
    if ((metric.equals("CR") || metric.equals("IR") || metric.equals("AR")) && value.equals("X")) {
      return "H";
    }
    String modified = selected.get("M" + metric);
    return modified != null && !modified.equals("X") ? modified : value;
  }

  /** equivalentClasses: the MacroVector, EQ1-EQ6. */
  static String macroVector(Map<String, String> s) {
    boolean avN = is(s, "AV", "N");
    boolean prN = is(s, "PR", "N");
    boolean uiN = is(s, "UI", "N");
    int eq1 = avN && prN && uiN ? 0 : (avN || prN || uiN) && !is(s, "AV", "P") ? 1 : 2;
    int eq2 = is(s, "AC", "L") && is(s, "AT", "N") ? 0 : 1;
    boolean vcH = is(s, "VC", "H");
    boolean viH = is(s, "VI", "H");
    boolean vaH = is(s, "VA", "H");
    int eq3 = vcH && viH ? 0 : vcH || viH || vaH ? 1 : 2;
    boolean safety = is(s, "MSI", "S") || is(s, "MSA", "S");
    int eq4 = safety ? 0 : is(s, "SC", "H") || is(s, "SI", "H") || is(s, "SA", "H") ? 1 : 2;
    int eq5 = is(s, "E", "A") ? 0 : is(s, "E", "P") ? 1 : 2;
    int eq6 = is(s, "CR", "H") && vcH || is(s, "IR", "H") && viH || is(s, "AR", "H") && vaH ? 0 : 1;
    return "" + eq1 + eq2 + eq3 + eq4 + eq5 + eq6;
  }

  private static boolean is(Map<String, String> selected, String metric, String value) {
    return m(selected, metric).equals(value);
  }

  /** A MacroVector's score; NaN where there is none, as JavaScript's {@code undefined} in arithmetic. */
  private static double lookup(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
    return LOOKUP.getOrDefault("" + eq1 + eq2 + eq3 + eq4 + eq5 + eq6, Double.NaN);
  }

  private static Map<String, String> parse(String composed) {
    Map<String, String> metrics = new HashMap<>();
    for (String segment : composed.split("/")) {
      String[] pair = segment.split(":");
      metrics.put(pair[0], pair[1]);
    }
    return metrics;
  }

  private static Map<String, Double> lookup() {
    Map<String, Double> lookup = new HashMap<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        Cvss4Score.class.getResourceAsStream("cvss4-macrovectors.tsv"), StandardCharsets.UTF_8))) {
      reader.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
        String[] entry = line.split("\t");
        lookup.put(entry[0], Double.parseDouble(entry[1]));
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(lookup);
  }
}
