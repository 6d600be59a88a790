package io.github.securityrelease;

import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The ITs of {@link OrchestratorIntegrationTest} on H2, the embedded default's database, in one
 * Spring context. Part of {@link ItsOnH2}.
 */
@Suite
@SuiteDisplayName("ITs in the shared context, on H2")
@SelectPackages("io.github.securityrelease")
@IncludeClassNamePatterns(".*IT")
@IncludeTags(OrchestratorIntegrationTest.SHARED_CONTEXT)
@ExcludeTags({OrchestratorIntegrationTest.OWN_JVM, OrchestratorIntegrationTest.CLUSTER})
public class SharedContextOnH2 {

  @BeforeSuite
  static void onH2() {
    TestDatabase.use(TestDatabase.H2);
  }
}
