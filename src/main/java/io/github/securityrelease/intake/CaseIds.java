package io.github.securityrelease.intake;

import io.github.securityrelease.cases.YearlyIds;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case IDs, {@code SEC-<year>-<number>}, sequential per year (table {@code case_number}),
 * taken in the caller's transaction: a case not made uses up no number.
 */
@Component
class CaseIds {

  private final YearlyIds ids;

  CaseIds(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.ids = new YearlyIds(jdbc, transactions, clock, "SEC", "case_number", "case_year");
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String next() {
    return ids.next();
  }
}
