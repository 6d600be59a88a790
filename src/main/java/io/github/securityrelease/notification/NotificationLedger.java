package io.github.securityrelease.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification ledger. Each write commits on its own (a new transaction), so that what
 * was attempted stays on record even when the engine job around it fails and rolls back.
 */
@Repository
public class NotificationLedger {

  private static final int MAX_ERROR_LENGTH = 2000;

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  NotificationLedger(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** The notice's row: inserted as PENDING the first time, the existing one after that. */
  Notification recordOnce(Notice notice) {
    Optional<Notification> existing = findByDedupeKey(notice.dedupeKey());
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      ownTransaction.executeWithoutResult(tx -> insert(notice));
    } catch (DuplicateKeyException raced) {
      // another node recorded the same notice a moment ago: use its row
    }
    return findByDedupeKey(notice.dedupeKey()).orElseThrow();
  }

  /**
   * Claims the notice for {@code node} until {@code timeout} from now: true when it is this
   * node's to send, false when another node is sending it (its claim has not expired) or it
   * was settled meanwhile. One statement, so that of two nodes only one wins.
   */
  boolean claim(long id, String node, Duration timeout) {
    OffsetDateTime now = now();
    Integer claimed = ownTransaction.execute(tx -> jdbc.sql("""
            update notification
               set status = 'SENDING', node = :node, claim_expires_at = :expires, attempts = attempts + 1,
                   updated_at = :now
             where id = :id
               and (status in ('PENDING', 'FAILED') or (status = 'SENDING' and claim_expires_at < :now))""")
        .param("id", id)
        .param("node", node)
        .param("expires", now.plus(timeout))
        .param("now", now)
        .update());
    return claimed != null && claimed == 1;
  }

  void markSent(long id) {
    update("update notification set status = 'SENT', last_error = null, claim_expires_at = null, updated_at = :now,"
        + " delivered_at = :now where id = :id", id, null);
  }

  void markFailed(long id, String error) {
    update("update notification set status = 'FAILED', last_error = :error, claim_expires_at = null,"
        + " updated_at = :now where id = :id", id, error);
  }

  Optional<Notification> find(long id) {
    return jdbc.sql("select * from notification where id = :id").param("id", id).query(NotificationLedger::map).optional();
  }

  void markUndelivered(long id) {
    update("update notification set status = 'UNDELIVERED', updated_at = :now where id = :id", id, null);
  }

  public List<Notification> findByCase(String caseId) {
    return jdbc.sql("select * from notification where case_id = :caseId order by created_at, id")
        .param("caseId", caseId)
        .query(NotificationLedger::map)
        .list();
  }

  /**
   * How many notices of each kind are in each status: the whole ledger, every node's. A kind
   * or status this version does not know (a newer node's) is left out.
   */
  public Map<NotificationKind, Map<NotificationStatus, Long>> countByKindAndStatus() {
    Map<NotificationKind, Map<NotificationStatus, Long>> counts = new EnumMap<>(NotificationKind.class);
    jdbc.sql("select kind, status, count(*) as notices from notification group by kind, status")
        .query(rs -> {
          NotificationKind kind = known(NotificationKind.class, rs.getString("kind"));
          NotificationStatus status = known(NotificationStatus.class, rs.getString("status"));
          if (kind != null && status != null) {
            counts.computeIfAbsent(kind, any -> new EnumMap<>(NotificationStatus.class)).put(status, rs.getLong("notices"));
          }
        });
    return counts;
  }

  /** How many cases have a notice of each kind on record, whatever its status. */
  public Map<NotificationKind, Long> casesByKind() {
    Map<NotificationKind, Long> counts = new EnumMap<>(NotificationKind.class);
    jdbc.sql("select kind, count(distinct case_id) as cases from notification group by kind")
        .query(rs -> {
          NotificationKind kind = known(NotificationKind.class, rs.getString("kind"));
          if (kind != null) {
            counts.put(kind, rs.getLong("cases"));
          }
        });
    return counts;
  }

  private static <E extends Enum<E>> E known(Class<E> type, String name) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException | NullPointerException unknown) {
      return null;
    }
  }

  private void insert(Notice notice) {
    OffsetDateTime now = now();
    jdbc.sql("""
            insert into notification (case_id, kind, dedupe_key, recipients, subject, body, status,
                                      attempts, created_at, updated_at)
            values (:caseId, :kind, :dedupeKey, :recipients, :subject, :body, 'PENDING', 0, :now, :now)""")
        .param("caseId", notice.caseId())
        .param("kind", notice.kind().name())
        .param("dedupeKey", notice.dedupeKey())
        .param("recipients", String.join(",", notice.recipients()))
        .param("subject", notice.subject())
        .param("body", notice.body())
        .param("now", now)
        .update();
  }

  private void update(String sql, long id, String error) {
    ownTransaction.executeWithoutResult(tx -> {
      var statement = jdbc.sql(sql).param("id", id).param("now", now());
      if (sql.contains(":error")) {
        statement = statement.param("error", truncate(error));
      }
      statement.update();
    });
  }

  private Optional<Notification> findByDedupeKey(String dedupeKey) {
    return jdbc.sql("select * from notification where dedupe_key = :key")
        .param("key", dedupeKey)
        .query(NotificationLedger::map)
        .optional();
  }

  private static String truncate(String error) {
    String text = error == null ? "unknown error" : error;
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }

  private static Notification map(ResultSet rs, int row) throws SQLException {
    return new Notification(
        rs.getLong("id"),
        rs.getString("case_id"),
        NotificationKind.valueOf(rs.getString("kind")),
        Arrays.asList(rs.getString("recipients").split(",")),
        rs.getString("subject"),
        rs.getString("body"),
        NotificationStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        instant(rs, "delivered_at"),
        rs.getString("node"));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
