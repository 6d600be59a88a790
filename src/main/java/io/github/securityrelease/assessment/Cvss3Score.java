package io.github.securityrelease.assessment;

import java.util.List;
import java.util.Map;

/**
 * The base, temporal and environmental scores of a CVSS 3.0 or 3.1 vector, by the
 * specifications' formulas (CVSS v3.1 section 7 and Appendix A; CVSS v3.0 section 8), in the
 * order of operations of FIRST's calculators ({@code cvsscalc31.js}, {@code cvsscalc30.js}). The
 * library ({@code us.springett:cvss-calculator} 1.5.1) has no environmental metrics for 3.0 at
 * all, so the service computes all three itself, for both versions alike.
 */
final class Cvss3Score {

  static final List<String> TEMPORAL = List.of("E", "RL", "RC");
  static final List<String> ENVIRONMENTAL = List.of("CR", "IR", "AR", "MAV", "MAC", "MPR", "MUI", "MS", "MC", "MI", "MA");

  private static final Map<String, Double> AV = Map.of("N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
  private static final Map<String, Double> AC = Map.of("L", 0.77, "H", 0.44);
  private static final Map<String, Double> PR_UNCHANGED = Map.of("N", 0.85, "L", 0.62, "H", 0.27);
  private static final Map<String, Double> PR_CHANGED = Map.of("N", 0.85, "L", 0.68, "H", 0.5);
  private static final Map<String, Double> UI = Map.of("N", 0.85, "R", 0.62);
  private static final Map<String, Double> CIA = Map.of("H", 0.56, "L", 0.22, "N", 0.0);
  private static final Map<String, Double> E = Map.of("X", 1.0, "H", 1.0, "F", 0.97, "P", 0.94, "U", 0.91);
  private static final Map<String, Double> RL = Map.of("X", 1.0, "U", 1.0, "W", 0.97, "T", 0.96, "O", 0.95);
  private static final Map<String, Double> RC = Map.of("X", 1.0, "C", 1.0, "R", 0.96, "U", 0.92);
  private static final Map<String, Double> REQUIREMENT = Map.of("X", 1.0, "H", 1.5, "M", 1.0, "L", 0.5);

  /** @param temporal null where the vector defines no temporal metric; likewise environmental */
  record Scores(double base, Double temporal, Double environmental) {}

  private Cvss3Score() {}

  static Scores of(CvssVector vector) {
    boolean v30 = vector.version() == CvssVersion.V3_0;
    if (!v30 && vector.version() != CvssVersion.V3_1) {
      throw new IllegalArgumentException("not a CVSS 3.x vector: " + vector.text());
    }
    double base = base(vector, v30);
    Double temporal = vector.definesAny(TEMPORAL) ? roundup(base * E.get(vector.value("E"))
        * RL.get(vector.value("RL")) * RC.get(vector.value("RC")), v30) : null;
    Double environmental = vector.definesAny(ENVIRONMENTAL) ? environmental(vector, v30) : null;
    return new Scores(base, temporal, environmental);
  }

  private static double base(CvssVector v, boolean v30) {
    boolean changed = v.value("S").equals("C");
    double iss = 1 - ((1 - CIA.get(v.value("C"))) * (1 - CIA.get(v.value("I"))) * (1 - CIA.get(v.value("A"))));
    double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
    double exploitability = 8.22 * AV.get(v.value("AV")) * AC.get(v.value("AC"))
        * (changed ? PR_CHANGED : PR_UNCHANGED).get(v.value("PR")) * UI.get(v.value("UI"));
    if (impact <= 0) {
      return 0;
    }
    return changed ? roundup(Math.min(1.08 * (impact + exploitability), 10), v30)
        : roundup(Math.min(impact + exploitability, 10), v30);
  }

  private static double environmental(CvssVector v, boolean v30) {
    boolean changed = modified(v, "S").equals("C");
    double miss = Math.min(1 - (
        (1 - CIA.get(modified(v, "C")) * REQUIREMENT.get(v.value("CR")))
        * (1 - CIA.get(modified(v, "I")) * REQUIREMENT.get(v.value("IR")))
        * (1 - CIA.get(modified(v, "A")) * REQUIREMENT.get(v.value("AR")))), 0.915);
    double modifiedImpact;
    if (!changed) {
      modifiedImpact = 6.42 * miss;
    } else if (v30) {
      modifiedImpact = 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss - 0.02, 15);
    } else {
      modifiedImpact = 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss * 0.9731 - 0.02, 13);
    }
    double modifiedExploitability = 8.22 * AV.get(modified(v, "AV")) * AC.get(modified(v, "AC"))
        * (changed ? PR_CHANGED : PR_UNCHANGED).get(modified(v, "PR")) * UI.get(modified(v, "UI"));
    if (modifiedImpact <= 0) {
      return 0;
    }
    double impactAndExploitability = changed
        ? roundup(Math.min(1.08 * (modifiedImpact + modifiedExploitability), 10), v30)
        : roundup(Math.min(modifiedImpact + modifiedExploitability, 10), v30);
    return roundup(impactAndExploitability * E.get(v.value("E")) * RL.get(v.value("RL")) * RC.get(v.value("RC")), v30);
  }

  /** A modified base metric, the base metric where it is not defined. */
  private static String modified(CvssVector v, String metric) {
    String modified = v.value("M" + metric);
    return modified.equals("X") ? v.value(metric) : modified;
  }

  /**
   * 3.1 Appendix A: on integers, so that floating point cannot push 4.0 up to 4.1; 3.0: the
   * smallest number with one decimal that is equal to or higher than the input.
   */
  static double roundup(double input, boolean v30) {
    if (v30) {
      return Math.ceil(input * 10) / 10;
    }
    long intInput = Math.round(input * 100000);
    return intInput % 10000 == 0 ? intInput / 100000.0 : (Math.floor(intInput / 10000) + 1) / 10.0;
  }
}
