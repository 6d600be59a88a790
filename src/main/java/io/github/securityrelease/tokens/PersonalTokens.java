package io.github.securityrelease.tokens;

import io.github.securityrelease.security.AuditLog;
import io.github.securityrelease.security.AuditLog.Action;
import io.github.securityrelease.web.InvalidFieldException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal API tokens: created for their owner, shown once, kept as a hash, listed with
 * their last use, revoked by their owner or the security team. Time is the engine's clock, so
 * that the tests may move it.
 */
@Component
class PersonalTokens {

  static final int MAX_NAME = 100;
  static final Duration LONGEST = Duration.ofDays(365);

  /** A token just created: the only answer that holds its secret. */
  record Created(ApiToken token, String secret) {}

  private static final String COLUMNS =
      "id, owner_id, name, scopes, created_at, expires_at, last_used_on, last_used_from, revoked_at, revoked_by";

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;

  PersonalTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  Created create(String owner, TokenRequest request, String address) {
    Set<Scope> scopes = scopes(request.scopes());
    Instant now = now();
    Instant expiresAt = expiry(request, now);
    String secret = TokenSecret.generate();
    String hash = TokenSecret.hash(secret);
    jdbc.sql("""
            insert into api_token (owner_id, name, scopes, secret_hash, created_at, expires_at)
            values (:owner, :name, :scopes, :hash, :createdAt, :expiresAt)""")
        .param("owner", owner)
        .param("name", request.name().strip())
        .param("scopes", scopes.stream().map(Scope::id).collect(Collectors.joining(",")))
        .param("hash", hash)
        .param("createdAt", utc(now))
        .param("expiresAt", utc(expiresAt))
        .update();
    ApiToken token = byHash(hash).orElseThrow();
    audit.record(owner, Action.TOKEN_CREATED, token.subject(), address);
    return new Created(token, secret);
  }

  /** {@code owner}'s tokens, or everyone's ({@code owner} null), newest first. */
  List<ApiToken> of(String owner) {
    String order = " order by created_at desc, id desc";
    return owner == null
        ? jdbc.sql("select " + COLUMNS + " from api_token" + order).query(PersonalTokens::token).list()
        : jdbc.sql("select " + COLUMNS + " from api_token where owner_id = :owner" + order).param("owner", owner)
            .query(PersonalTokens::token).list();
  }

  Optional<ApiToken> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from api_token where id = :id").param("id", id)
        .query(PersonalTokens::token).optional();
  }

  /** The token whose secret hashes to {@code hash}, valid or not. */
  Optional<ApiToken> byHash(String hash) {
    return jdbc.sql("select " + COLUMNS + " from api_token where secret_hash = :hash").param("hash", hash)
        .query(PersonalTokens::token).optional();
  }

  /** Revokes {@code token} for good; revoking it again changes nothing. */
  @Transactional
  void revoke(ApiToken token, String by, String address) {
    int revoked = jdbc.sql("update api_token set revoked_at = :at, revoked_by = :by where id = :id and revoked_at is null")
        .param("at", utc(now()))
        .param("by", by)
        .param("id", token.id())
        .update();
    if (revoked == 1) {
      audit.record(by, Action.TOKEN_REVOKED, token.subject() + " of " + token.owner(), address);
    }
  }

  /**
   * Records a use of {@code token} from {@code address}: once a day and address, not per
   * request, so that a busy script writes one row a day and a new address shows at once.
   */
  @Transactional
  void used(ApiToken token, String address) {
    LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
    if (today.equals(token.lastUsedOn()) && Objects.equals(address, token.lastUsedFrom())) {
      return;
    }
    int recorded = jdbc.sql("""
            update api_token set last_used_on = :today, last_used_from = :address
            where id = :id and (last_used_on is null or last_used_on <> :today or last_used_from <> :address)""")
        .param("today", today)
        .param("address", address)
        .param("id", token.id())
        .update();
    // a concurrent request of the same day and address recorded it already
    if (recorded == 1) {
      audit.record(token.owner(), Action.TOKEN_USED, token.subject(), address);
    }
  }

  /** Now by the engine's clock (the {@link Clock} bean), which the tests move. */
  Instant now() {
    return clock.instant();
  }

  private static Set<Scope> scopes(List<String> ids) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String id : ids) {
      scopes.add(Scope.of(id).orElseThrow(() -> new InvalidFieldException("scopes",
          "unknown scope \"" + id + "\": one of " + Arrays.stream(Scope.values()).map(Scope::id).toList())));
    }
    return scopes;
  }

  static Instant expiry(TokenRequest request, Instant now) {
    if ((request.expiresAt() == null) == (request.days() == null)) {
      throw new InvalidFieldException("expiresAt", "give either expiresAt or days");
    }
    String field = request.days() == null ? "expiresAt" : "days";
    Instant expiresAt = request.days() == null ? request.expiresAt() : now.plus(Duration.ofDays(request.days()));
    if (!expiresAt.isAfter(now)) {
      throw new InvalidFieldException(field, "the expiry must be in the future");
    }
    if (expiresAt.isAfter(now.plus(LONGEST))) {
      throw new InvalidFieldException(field, "a token expires within a year (" + LONGEST.toDays() + " days)");
    }
    return expiresAt;
  }

  private static ApiToken token(ResultSet rs, int row) throws SQLException {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    Arrays.stream(rs.getString("scopes").split(",")).map(Scope::of).forEach(scope -> scope.ifPresent(scopes::add));
    return new ApiToken(rs.getLong("id"), rs.getString("owner_id"), rs.getString("name"), scopes,
        instant(rs, "created_at"), instant(rs, "expires_at"), rs.getObject("last_used_on", LocalDate.class),
        rs.getString("last_used_from"), instant(rs, "revoked_at"), rs.getString("revoked_by"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
