package io.github.securityrelease.conversation;

import java.time.Instant;

/**
 * One message of a case's conversation with its reporter (R28).
 *
 * @param direction IN from the reporter (by mail or their page), OUT from the service
 * @param at when it was received, or put on the notification ledger to be sent
 * @param from the sender's address: the reporter's (or whoever wrote with the case's tag), the service's own
 * @param source the channel: MAIL (a mail in, or every message out) or PAGE (written on the reporter's page)
 */
public record Message(Direction direction, Instant at, String from, String body, Source source) {

  public enum Direction { IN, OUT }

  /** Where a message IN came from. */
  public enum Source { MAIL, PAGE }
}
