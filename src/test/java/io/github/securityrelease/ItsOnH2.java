package io.github.securityrelease;

import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Every IT on H2, the embedded default's database, in one JVM: first those that start a service
 * or a context of their own ({@link OwnContextsOnH2}), one after the other, then those that share
 * one Spring context ({@link SharedContextOnH2}), which stays open until the JVM ends. Failsafe
 * runs it beside {@link ItsOnPostgres} when PostgreSQL is at hand (pom.xml, docs/testing.md).
 */
@Suite
@SuiteDisplayName("ITs on H2")
@SelectClasses({OwnContextsOnH2.class, SharedContextOnH2.class})
@IncludeClassNamePatterns(".*")
public class ItsOnH2 {

  @BeforeSuite
  static void onH2() {
    TestDatabase.use(TestDatabase.H2);
  }
}
