package io.github.securityrelease.release;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param branches the release branches a fix goes onto besides master: the three most recent
 *     minor releases (R19)
 * @param patchSchedule the dates of the scheduled patch releases (R20: about every 3 months)
 * @param announcementTime the local time of day at which releases and disclosures are proposed
 */
@ConfigurationProperties("security-release.release")
public record ReleaseProperties(
    List<String> branches,
    List<LocalDate> patchSchedule,
    @DefaultValue("15:00") LocalTime announcementTime) {

  public ReleaseProperties {
    branches = branches == null ? List.of() : List.copyOf(branches);
    patchSchedule = patchSchedule == null ? List.of() : patchSchedule.stream().sorted().toList();
  }
}
