package io.github.securityrelease.forge;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of forge calls ({@code forge_call}): what the service called on the forge for a
 * case, when, and what came back. Each call is written in a transaction of its own, so that a
 * failed job's rollback does not erase what was called. The git steps record theirs here too
 * ({@code git/push}, {@code git/fetch}).
 */
@Repository
public class ForgeCalls implements ForgeCallRecorder {

  static final int MAX_PATH = 2000;
  static final int MAX_ERROR = 500;
  static final int MAX_OPERATION = 100;

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  ForgeCalls(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void record(ForgeCall call) {
    ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
            insert into forge_call (case_id, operation, method, path, status, error, called_at, duration_ms)
            values (:caseId, :operation, :method, :path, :status, :error, :calledAt, :duration)""")
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
  public List<ForgeCall> findByCase(String caseId) {
    return jdbc.sql("select * from forge_call where case_id = :caseId order by called_at, id")
        .param("caseId", caseId)
        .query((rs, row) -> new ForgeCall(rs.getString("case_id"), rs.getString("operation"), rs.getString("method"),
            rs.getString("path"), rs.getObject("status", Integer.class), rs.getString("error"),
            rs.getObject("called_at", OffsetDateTime.class).toInstant(), rs.getLong("duration_ms")))
        .list();
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
