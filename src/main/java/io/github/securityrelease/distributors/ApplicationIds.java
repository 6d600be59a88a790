package io.github.securityrelease.distributors;

import io.github.securityrelease.cases.YearlyIds;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Application IDs, {@code DA-<year>-<number>} (table {@code distributor_application_number}),
 * taken in the caller's transaction: an application refused uses up no number.
 */
@Component
class ApplicationIds {

  private final YearlyIds ids;

  ApplicationIds(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.ids = new YearlyIds(jdbc, transactions, clock, "DA", "distributor_application_number", "application_year");
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String next() {
    return ids.next();
  }
}
