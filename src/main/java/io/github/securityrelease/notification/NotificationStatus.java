package io.github.securityrelease.notification;

public enum NotificationStatus {
  /** On record, not delivered yet. */
  PENDING,
  /** Handed to the SMTP server. */
  SENT,
  /** The last attempt failed; the engine retries it, then raises an incident. */
  FAILED,
  /** No mail server is configured: kept on record, readable through the API. */
  UNDELIVERED;

  boolean isSettled() {
    return this == SENT || this == UNDELIVERED;
  }
}
