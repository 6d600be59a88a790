package io.github.securityrelease.disclosure;

import java.time.Duration;
import java.time.Instant;

/**
 * Every date of the restricted and public disclosure of a case (the timeline picture).
 *
 * @param advanceNoticeAt R14: when the distributors get the advance notice
 * @param releaseNoticeAt R16: when they are told the public messaging, date and time
 * @param shortEmbargo the advance notice comes less than 7 days before the disclosure
 */
public record DisclosurePlan(Instant publicDisclosureAt, Instant releaseAt, Instant advanceNoticeAt, Instant releaseNoticeAt,
    boolean shortEmbargo) {

  /** How long before the disclosure the distributors hear of it. */
  public Duration advanceNoticeLeadTime() {
    return Duration.between(advanceNoticeAt, publicDisclosureAt);
  }
}
