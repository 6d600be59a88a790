package io.github.securityrelease.team;

import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Every date a timer of team-membership.bpmn waits for, from {@link TeamProperties}: the
 * model holds no literal period. Months are calendar months in UTC.
 */
@Component("teamTerms")
class TeamTerms {

  private final TeamProperties properties;

  TeamTerms(TeamProperties properties) {
    this.properties = properties;
  }

  /** R21: when the associate rotation that began at {@code associateSince} is up for review. */
  Date rotationEnds(Date associateSince) {
    return plus(associateSince, properties.rotation());
  }

  /** R23: when a member last active at {@code lastActivity} counts as inactive. */
  Date inactivityDue(Date lastActivity) {
    return plus(lastActivity, properties.inactivity());
  }

  /** R23: when a removal vote opened at {@code opened} closes. */
  Date voteEnds(Date opened) {
    return plus(opened, properties.votePeriod());
  }

  private static Date plus(Date date, Period period) {
    return Date.from(date.toInstant().atZone(ZoneOffset.UTC).plus(period).toInstant());
  }
}
