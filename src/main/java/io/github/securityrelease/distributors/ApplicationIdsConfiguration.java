package io.github.securityrelease.distributors;

import io.github.securityrelease.cases.YearlyIds;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Application IDs, {@code DA-<year>-<number>} (table {@code distributor_application_number}):
 * the business key of every distributor application. An application refused uses up no number.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationIdsConfiguration {

  /** The bean's name: another sequence of {@link YearlyIds} exists, so inject it by this qualifier. */
  static final String APPLICATION_IDS = "applicationIds";

  @Bean(APPLICATION_IDS)
  YearlyIds applicationIds(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    return new YearlyIds(jdbc, transactions, clock, "DA", "distributor_application_number", "application_year");
  }
}
