package io.github.securityrelease.notification;

/** Every kind of message the service sends; each has a template {@code templates/mail/<template>.mustache}. */
public enum NotificationKind {
  REPORT_RECEIPT("report-receipt"),
  ACKNOWLEDGEMENT("acknowledgement"),
  ACKNOWLEDGEMENT_OVERDUE_ALERT("acknowledgement-overdue-alert"),
  PUBLIC_REPORT_ALERT("public-report-alert"),
  REJECTION("rejection"),
  FIX_OVERDUE_ALERT("fix-overdue-alert"),
  ADVANCE_NOTICE("advance-notice"),
  RELEASE_NOTICE("release-notice"),
  DISCLOSURE_RESCHEDULED("disclosure-rescheduled"),
  DISTRIBUTOR_NOTICE_ALERT("distributor-notice-alert"),
  // R14, R16: a distributor's keys all expire before the planned disclosure
  DISTRIBUTOR_KEY_EXPIRY_ALERT("distributor-key-expiry-alert"),
  EMBARGO_BROKEN("embargo-broken"),
  PUBLIC_ANNOUNCEMENT("public-announcement"),
  DISTRIBUTOR_APPLICATION_RECEIVED("distributor-application-received"),
  DISTRIBUTOR_APPLICATION_REJECTED("distributor-application-rejected"),
  DISTRIBUTOR_WELCOME("distributor-welcome"),
  LEAK_REPORTED_ALERT("leak-reported-alert"),
  DISTRIBUTOR_REMOVED("distributor-removed"),
  TEAM_ROTATION_WELCOME("team-rotation-welcome"),
  TEAM_ROTATION_OUTCOME("team-rotation-outcome"),
  TEAM_REMOVAL_VOTE("team-removal-vote"),
  TEAM_MEMBERSHIP_CHANGED_OUTSIDE("team-membership-changed-outside"),
  LOGIN_ATTACK_ALERT("login-attack-alert"),
  BREAK_GLASS_ALERT("break-glass-alert"),
  // R28: the reporter hears of each step
  REPORT_ACCEPTED("report-accepted"),
  DISCLOSURE_DATE_SET("disclosure-date-set"),
  DISCLOSURE_DATE_MOVED("disclosure-date-moved"),
  ADVISORY_PUBLIC("advisory-public"),
  // R28: the reporter's page
  REPORTER_LINK("reporter-link"),
  // the security address's mailbox
  INBOX_MAIL_FLAGGED_ALERT("inbox-mail-flagged-alert"),
  // R28: the conversation
  REPORTER_MESSAGE("reporter-message"),
  REPORTER_ANSWERED("reporter-answered"),
  // R17: release day through the forge
  PULL_REQUEST_CHANGED_ALERT("pull-request-changed-alert"),
  // R12: the CVE record through CVE Services
  CVE_RECORD_OVERDUE_ALERT("cve-record-overdue-alert"),
  // R14, R16, R27: embargoed content only encrypted, where required
  NOTICE_AWAITS_KEY("notice-awaits-key"),
  NOTICE_AWAITS_KEY_ALERT("notice-awaits-key-alert"),
  // R29: the distributors' acknowledgements
  ACKNOWLEDGEMENT_REMINDER("distributor-acknowledgement-reminder"),
  DISTRIBUTOR_ACKNOWLEDGEMENT_OVERDUE_ALERT("distributor-acknowledgement-overdue-alert");

  private final String template;

  NotificationKind(String template) {
    this.template = template;
  }

  public String template() {
    return template;
  }
}
