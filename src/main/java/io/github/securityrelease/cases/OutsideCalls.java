package io.github.securityrelease.cases;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A record of calls to one service outside, one table each ({@code forge_call},
 * {@code cve_services_call}; the columns of {@code V13__forge_call.sql}): what the service
 * called for a case, when, and what came back. Each call is written in a transaction of its
 * own, so that a failed job's rollback does not erase what was called. Not a bean: each
 * outside service's own repository holds one for its table.
 */
public final class OutsideCalls {

  public static final int MAX_PATH = 2000;
  public static final int MAX_ERROR = 500;
  public static final int MAX_OPERATION = 100;

  private static final Pattern TABLE = Pattern.compile("[a-z_]+_call");

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final String table;

  public OutsideCalls(JdbcClient jdbc, PlatformTransactionManager transactions, String table) {
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("not a table of calls: " + table);
    }
    this.jdbc = jdbc;
    this.table = table;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Records {@code call}; it stays on record even when the caller's transaction rolls back. */
  public void record(OutsideCall call) {
    ownTransaction.executeWithoutResult(tx -> jdbc.sql("insert into " + table
            + " (case_id, operation, method, path, status, error, called_at, duration_ms)"
            + " values (:caseId, :operation, :method, :path, :status, :error, :calledAt, :duration)")
        .param("caseId", call.caseId())
        .param("operation", cut(call.operation(), MAX_OPERATION))
        .param("method", call.method())
        .param("path", cut(call.path(), MAX_PATH))
        .param("status", call.status())
        .param("error", cut(call.error(), MAX_ERROR))
        .param("calledAt", call.calledAt().atOffset(ZoneOffset.UTC))
        .param("duration", Math.max(0, call.durationMillis()))
        .update());
  }

  /** The case's calls, oldest first. */
  public List<OutsideCall> findByCase(String caseId) {
    return jdbc.sql("select * from " + table + " where case_id = :caseId order by called_at, id")
        .param("caseId", caseId)
        .query((rs, row) -> new OutsideCall(rs.getString("case_id"), rs.getString("operation"), rs.getString("method"),
            rs.getString("path"), rs.getObject("status", Integer.class), rs.getString("error"),
            rs.getObject("called_at", OffsetDateTime.class).toInstant(), rs.getLong("duration_ms")))
        .list();
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
