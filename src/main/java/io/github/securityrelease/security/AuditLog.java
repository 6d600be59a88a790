package io.github.securityrelease.security;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the security team watches of the ways in: a row per event (a token created, used on a
 * new day or from a new address, revoked; a login, a failed login, a break-glass use: {@link
 * Logins}), who, when, from where. Never a secret: a token is
 * named by its id and name.
 */
@Component
public class AuditLog {

  /** The most {@link #latest} answers: the log grows for good, an answer does not. */
  static final int LATEST = 500;

  public enum Action {
    TOKEN_CREATED, TOKEN_USED, TOKEN_REVOKED,
    /** {@code subject}: the way in (HTTP Basic, the webapp login form, single sign-on); HTTP Basic once a day */
    LOGIN,
    /** no {@code actor}; {@code subject}: the account name given, or the provider's user the service does not know */
    LOGIN_FAILED,
    /** the break-glass account's password used with single sign-on on, which alerted the team */
    BREAK_GLASS
  }

  /**
   * One event: {@code subject} is what it concerns (a token's id and name, a way in, an account
   * name given), {@code address} the client's.
   */
  public record Event(long id, Instant at, String actor, Action action, String subject, String address) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records {@code action}, at the engine's clock (which the tests move): part of the caller's transaction, if any. */
  public void record(String actor, Action action, String subject, String address) {
    jdbc.sql("""
            insert into audit_event (occurred_at, actor, action, subject, address)
            values (:at, :actor, :action, :subject, :address)""")
        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .param("actor", actor)
        .param("action", action.name())
        .param("subject", subject)
        .param("address", address)
        .update();
  }

  /** The {@value #LATEST} latest events, newest first. */
  List<Event> latest() {
    return jdbc.sql("""
            select id, occurred_at, actor, action, subject, address from audit_event
            order by occurred_at desc, id desc fetch first %d rows only""".formatted(LATEST))
        .query((rs, row) -> new Event(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            rs.getString("actor"), Action.valueOf(rs.getString("action")), rs.getString("subject"),
            rs.getString("address")))
        .list();
  }
}
