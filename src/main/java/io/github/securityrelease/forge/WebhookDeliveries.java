package io.github.securityrelease.forge;

import io.github.securityrelease.cluster.Node;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhook deliveries taken from GitHub ({@code forge_delivery}, V15), one row each: a
 * delivery whose ID or body is on record already is a replay, and changes nothing.
 */
@Repository
@Conditional(WebhookSecretSet.class)
class WebhookDeliveries {

  /** What was done with a delivery, as its row says. */
  enum Outcome {
    /** GitHub's {@code ping} when the webhook is added. */
    PING,
    /** A pull request's change, published as a {@link PullRequestEvent}. */
    PUBLISHED,
    /** A pull request of a repository other than the configured one. */
    OTHER_REPOSITORY,
    /** An event the service does not act on. */
    IGNORED
  }

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Node node;

  WebhookDeliveries(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock, Node node) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
    this.node = node;
  }

  /** Whether a delivery of this ID, or of this body, is on record. */
  boolean known(String deliveryId, String bodySha256) {
    Integer rows = jdbc.queryForObject("select count(*) from forge_delivery where delivery_id = ? or body_sha256 = ?",
        Integer.class, deliveryId, bodySha256);
    return rows != null && rows > 0;
  }

  /**
   * Puts the delivery on record and publishes {@code event} (if any) to the listeners, in one
   * transaction: a listener that throws leaves no row. A {@code DuplicateKeyException} when the
   * delivery is on record already (another node took it meanwhile): then nothing is published.
   */
  @Transactional
  public void record(String deliveryId, String bodySha256, String eventName, Outcome outcome, Object event) {
    jdbc.update("insert into forge_delivery (delivery_id, body_sha256, event, received_at, outcome, node) "
        + "values (?, ?, ?, ?, ?, ?)", deliveryId, bodySha256, eventName, Timestamp.from(clock.instant()),
        outcome.name(), node.name());
    if (event != null) {
      events.publishEvent(event);
    }
  }
}
