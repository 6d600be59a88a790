package io.github.securityrelease;

import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The ITs that start a service or a Spring context of their own (tag
 * {@value OrchestratorIntegrationTest#OWN_JVM}), on PostgreSQL, one after the other: each closes its
 * service or context before the next starts its own, for Camunda registers its engines JVM-wide
 * by name. Part of {@link ItsOnPostgres}, before the shared context opens. Those in a browser
 * ({@value OrchestratorIntegrationTest#BROWSER}) run on H2 alone, as in the shared context.
 */
@Suite
@SuiteDisplayName("ITs with a service or context of their own, on PostgreSQL")
@SelectPackages("io.github.securityrelease")
@IncludeClassNamePatterns(".*IT")
@IncludeTags(OrchestratorIntegrationTest.OWN_CONTEXTS)
@ExcludeTags(OrchestratorIntegrationTest.BROWSER)
public class OwnContextsOnPostgres {

  @BeforeSuite
  static void onPostgres() {
    TestDatabase.use(TestDatabase.POSTGRES);
  }
}
