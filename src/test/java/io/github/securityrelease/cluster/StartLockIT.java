package io.github.securityrelease.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * The start lock between two nodes' starts on one PostgreSQL database, without the nodes:
 * the second waits until the first lets go, and a lock is never left behind.
 */
@Tag(OrchestratorIntegrationTest.CLUSTER) // failsafe runs it in ClusterOnPostgres, when the first IT suite is done
class StartLockIT {

  private String database;

  @Test
  @EnabledIf(value = "io.github.securityrelease.TestDatabase#postgres",
      disabledReason = "the start lock is PostgreSQL's (SECURITY_RELEASE_TEST_POSTGRES_URL); H2 takes none")
  @DisplayName("a second start waits for the first to let go of the lock, then takes it")
  void secondStartWaits() throws Exception {
    database = TestDatabase.fresh();
    StartLock first = lock(database, "node-a");
    StartLock second = lock(database, "node-b");
    first.acquire();
    first.acquire();
    assertThat(holders()).as("sessions holding the lock, taken twice by one start").isEqualTo(1);

    CompletableFuture<Void> waiting = CompletableFuture.runAsync(second::acquire);
    await().atMost(Duration.ofSeconds(10)).until(() -> waiters() == 1);
    assertThat(waiting).as("the second start, while the first holds the lock").isNotDone();

    first.release();
    waiting.get();
    assertThat(holders()).as("sessions holding the lock, once the second took it").isEqualTo(1);
    second.destroy();
    assertThat(holders()).as("sessions holding the lock, once both let go").isZero();
  }

  @Test
  @DisplayName("on H2, the embedded default, no lock is taken and no connection opened")
  void noLockOnH2() {
    // no H2 server listens there: acquire() opening a connection would throw
    StartLock h2 = lock("jdbc:h2:tcp://localhost:1/nowhere", "node-a");
    assertThatCode(h2::acquire).doesNotThrowAnyException();
    assertThatCode(h2::release).doesNotThrowAnyException();
  }

  private static StartLock lock(String url, String node) {
    DataSourceProperties properties = new DataSourceProperties();
    properties.setUrl(url);
    properties.setUsername(TestDatabase.username(url));
    properties.setPassword(TestDatabase.password(url));
    return new StartLock(properties, new Node(new NodeProperties(node, null)));
  }

  private long holders() throws SQLException {
    return advisoryLocks("granted");
  }

  private long waiters() throws SQLException {
    return advisoryLocks("not granted");
  }

  private long advisoryLocks(String granted) throws SQLException {
    return TestDatabase.query(database, "select count(*) from pg_locks where locktype = 'advisory'"
        + " and database = (select oid from pg_database where datname = current_database())"
        + " and (classid::bigint << 32) + objid::bigint = " + StartLock.KEY + " and " + granted,
        rs -> rs.getLong(1)).get(0);
  }
}
