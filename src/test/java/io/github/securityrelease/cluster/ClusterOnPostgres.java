package io.github.securityrelease.cluster;

import io.github.securityrelease.ItsOnH2;
import io.github.securityrelease.ItsOnPostgres;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestDatabase;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The ITs of several nodes of the packaged jar (tag {@value OrchestratorIntegrationTest#CLUSTER}:
 * {@link ClusterIT}, {@link StartLockIT}), on PostgreSQL, in a JVM of their own. Failsafe runs
 * it with the postgres-tests profile as the third of the IT suites on two forks, alphabetically
 * after {@link ItsOnH2} and {@link ItsOnPostgres} (this package's name sorts after theirs): it
 * starts when the first of the two ends, beside the other's last minutes (pom.xml,
 * docs/testing.md). Most of its time the nodes wait for their timers, and a timer may be late by
 * {@code ClusterIT}'s bound of 30 s, far above what a loaded machine gives.
 */
@Suite
@SuiteDisplayName("ITs of a cluster, on PostgreSQL")
@SelectPackages("io.github.securityrelease")
@IncludeClassNamePatterns(".*IT")
@IncludeTags(OrchestratorIntegrationTest.CLUSTER)
public class ClusterOnPostgres {

  @BeforeSuite
  static void onPostgres() {
    TestDatabase.use(TestDatabase.POSTGRES);
  }
}
