package io.github.securityrelease.cases;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Human-readable IDs, {@code <prefix>-<year>-<number>}, sequential per year (case IDs, distributor
 * applications). The number is taken under the year's row lock in the caller's transaction: if
 * what it names is not made, the number is not used up, and no two nodes get the same one.
 */
public final class YearlyIds {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final String prefix;
  private final String table;
  private final String yearColumn;

  /**
   * @param table a table of {@code (<yearColumn> integer primary key, last_number bigint)}: a
   *     constant of the caller, never input
   */
  public YearlyIds(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, String prefix, String table,
      String yearColumn) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.prefix = prefix;
    this.table = table;
    this.yearColumn = yearColumn;
  }

  /** The next ID of this year; only inside the caller's transaction, which holds the year's row until it ends. */
  public String next() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException("An ID is taken in the transaction of what it names");
    }
    int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
    ensureYear(year);
    jdbc.sql("update " + table + " set last_number = last_number + 1 where " + yearColumn + " = :year")
        .param("year", year)
        .update();
    long number = jdbc.sql("select last_number from " + table + " where " + yearColumn + " = :year")
        .param("year", year)
        .query(Long.class)
        .single();
    return "%s-%d-%04d".formatted(prefix, year, number);
  }

  /** The year's counter row, made on its own so that a race between nodes cannot abort the caller. */
  private void ensureYear(int year) {
    boolean exists = jdbc.sql("select count(*) from " + table + " where " + yearColumn + " = :year")
        .param("year", year).query(Integer.class).single() > 0;
    if (exists) {
      return;
    }
    try {
      ownTransaction.executeWithoutResult(tx -> jdbc
          .sql("insert into " + table + " (" + yearColumn + ", last_number) values (:year, 0)")
          .param("year", year)
          .update());
    } catch (DuplicateKeyException raced) {
      // another node made it first
    }
  }
}
