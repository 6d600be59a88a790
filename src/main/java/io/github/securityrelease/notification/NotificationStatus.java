package io.github.securityrelease.notification;

public enum NotificationStatus {
  /** On record, not delivered yet. */
  PENDING,
  /**
   * A node is handing it to the SMTP server now (until the claim expires): no other node
   * sends it meanwhile. A claim that expired means the node died while sending: the notice
   * goes again, with the same Message-ID, so that mail systems can tell the copy.
   */
  SENDING,
  /** Handed to the SMTP server. */
  SENT,
  /** The last attempt failed; the engine retries it, then raises an incident. */
  FAILED,
  /** No mail server is configured: kept on record, readable through the API. */
  UNDELIVERED;

  public boolean isSettled() {
    return this == SENT || this == UNDELIVERED;
  }
}
