package io.github.securityrelease.intake;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case IDs, {@code SEC-<year>-<number>}, sequential per year. The number is taken under the
 * year's row lock in the caller's transaction: if the case is not made, the number is not
 * used up, and no two cases on any node get the same one.
 */
@Component
class CaseIds {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  CaseIds(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String next() {
    int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
    ensureYear(year);
    jdbc.sql("update case_number set last_number = last_number + 1 where case_year = :year")
        .param("year", year)
        .update();
    long number = jdbc.sql("select last_number from case_number where case_year = :year")
        .param("year", year)
        .query(Long.class)
        .single();
    return "SEC-%d-%04d".formatted(year, number);
  }

  /** The year's counter row, made on its own so that a race between nodes cannot abort the caller. */
  private void ensureYear(int year) {
    boolean exists = jdbc.sql("select count(*) from case_number where case_year = :year")
        .param("year", year).query(Integer.class).single() > 0;
    if (exists) {
      return;
    }
    try {
      ownTransaction.executeWithoutResult(tx -> jdbc
          .sql("insert into case_number (case_year, last_number) values (:year, 0)")
          .param("year", year)
          .update());
    } catch (DuplicateKeyException raced) {
      // another node made it first
    }
  }
}
