package io.github.securityrelease.cases;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Case IDs, {@code SEC-<year>-<number>} (table {@code case_number}): the business key of every
 * case. A case not made uses up no number.
 */
@Configuration(proxyBeanMethods = false)
public class CaseIdsConfiguration {

  /** The bean's name: another sequence of {@link YearlyIds} exists, so inject it by this qualifier. */
  public static final String CASE_IDS = "caseIds";

  @Bean(CASE_IDS)
  YearlyIds caseIds(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    return new YearlyIds(jdbc, transactions, clock, "SEC", "case_number", "case_year");
  }
}
