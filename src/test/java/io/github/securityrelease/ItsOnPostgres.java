package io.github.securityrelease;

import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Every IT on PostgreSQL, the production database, in one JVM: first those that start a service
 * or a context of their own ({@link OwnContextsOnPostgres}), one after the other, then those that
 * share one Spring context ({@link SharedContextOnPostgres}), which stays open until the JVM ends.
 * Failsafe runs it beside {@link ItsOnH2} when SECURITY_RELEASE_TEST_POSTGRES_URL is set (pom.xml,
 * docs/testing.md).
 */
@Suite
@SuiteDisplayName("ITs on PostgreSQL")
@SelectClasses({OwnContextsOnPostgres.class, SharedContextOnPostgres.class})
@IncludeClassNamePatterns(".*")
public class ItsOnPostgres {

  @BeforeSuite
  static void onPostgres() {
    TestDatabase.use(TestDatabase.POSTGRES);
  }
}
