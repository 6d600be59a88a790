package io.github.securityrelease.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The team's working calendar: the zone its business days are counted in and the holidays
 * on which nobody is expected to answer.
 */
@ConfigurationProperties("security-release.calendar")
public record CalendarProperties(@DefaultValue("UTC") ZoneId zone, List<LocalDate> holidays) {

  public CalendarProperties {
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
  }
}
