package io.github.securityrelease;

import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The ITs of {@link OrchestratorIntegrationTest} on PostgreSQL, the production database, in one
 * Spring context, but for those in a browser ({@value OrchestratorIntegrationTest#BROWSER}): they
 * run on H2. Part of {@link ItsOnPostgres}.
 */
@Suite
@SuiteDisplayName("ITs in the shared context, on PostgreSQL")
@SelectPackages("io.github.securityrelease")
@IncludeClassNamePatterns(".*IT")
@IncludeTags(OrchestratorIntegrationTest.SHARED_CONTEXT)
@ExcludeTags({OrchestratorIntegrationTest.OWN_JVM, OrchestratorIntegrationTest.CLUSTER, OrchestratorIntegrationTest.BROWSER})
public class SharedContextOnPostgres {

  @BeforeSuite
  static void onPostgres() {
    TestDatabase.use(TestDatabase.POSTGRES);
  }
}
