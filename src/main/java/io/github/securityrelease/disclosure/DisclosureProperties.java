package io.github.securityrelease.disclosure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param noticeMargin how much earlier than the policy's minimum the notices are planned, so
 *     that a job that runs late or is retried still leaves the distributors 7 full days (R14)
 *     and 24 full hours (R16); at least {@link #MINIMUM_NOTICE_MARGIN}
 * @param advanceNoticeDays the advance notice the plan form proposes, in days before the public
 *     disclosure: the timeline's "1-4 weeks" (R14), so from 7 to 28
 */
@ConfigurationProperties("security-release.disclosure")
public record DisclosureProperties(@DefaultValue("PT1H") Duration noticeMargin,
    @DefaultValue("14") int advanceNoticeDays) {

  /** The notice tasks retry 5 times 5 minutes apart (R5/PT5M): the margin covers that and more. */
  public static final Duration MINIMUM_NOTICE_MARGIN = Duration.ofMinutes(30);

  public DisclosureProperties {
    if (noticeMargin == null || noticeMargin.compareTo(MINIMUM_NOTICE_MARGIN) < 0) {
      throw new IllegalArgumentException("security-release.disclosure.notice-margin must be at least "
          + MINIMUM_NOTICE_MARGIN + ", was " + noticeMargin);
    }
    if (advanceNoticeDays < 7 || advanceNoticeDays > 28) {
      throw new IllegalArgumentException("security-release.disclosure.advance-notice-days must be from 7 to 28"
          + " (R14: at least 7 days, normally 1-4 weeks), was " + advanceNoticeDays);
    }
  }

  /** The defaults, for code that runs without Spring. */
  public static DisclosureProperties defaults() {
    return new DisclosureProperties(Duration.ofHours(1), 14);
  }
}
