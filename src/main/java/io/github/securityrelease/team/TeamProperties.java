package io.github.securityrelease.team;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The terms of security team membership. The policy's terms are minimums: a configuration
 * below them would let the service do what the policy forbids, so it stops the start-up.
 *
 * @param rotation R21: how long an associate serves before the team reviews the rotation (at least 3 months)
 * @param inactivity R23: how long a member may go without task activity before a removal vote (at least 2 months)
 * @param votePeriod R23: how long the members have to vote; a vote not cast counts as not for removal
 */
@ConfigurationProperties("security-release.team")
record TeamProperties(
    @DefaultValue("P3M") Period rotation,
    @DefaultValue("P2M") Period inactivity,
    @DefaultValue("P14D") Period votePeriod) {

  /** The most days 0, 1, 2 or 3 consecutive calendar months have: what days must make up for missing months. */
  private static final int[] LONGEST_MONTHS_IN_DAYS = {0, 31, 62, 92};

  TeamProperties {
    requireAtLeastMonths("rotation", rotation, 3, "R21");
    requireAtLeastMonths("inactivity", inactivity, 2, "R23");
  }

  /** Whatever the start date, {@code period} must last at least {@code months} calendar months. */
  private static void requireAtLeastMonths(String name, Period period, int months, String rule) {
    boolean enough = period != null && !period.isNegative()
        && (period.toTotalMonths() >= months
            || period.getDays() >= LONGEST_MONTHS_IN_DAYS[months - (int) period.toTotalMonths()]);
    if (!enough) {
      throw new IllegalArgumentException("security-release.team." + name + " must be at least " + months
          + " months (" + rule + "), not " + period);
    }
  }
}
