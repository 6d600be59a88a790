package io.github.securityrelease.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.ServiceNode;
import io.github.securityrelease.TestDatabase;
import io.github.securityrelease.security.Groups;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Three nodes of the packaged service started at the same instant on an empty PostgreSQL
 * database, as a Kubernetes Deployment with several replicas starts them: all come up, and
 * what they create at start (the engine's schema, the service's tables, groups, accounts,
 * authorizations, Tasklist filters, the deployment) is there once. PostgreSQL only: H2, the
 * embedded default, is one node.
 */
@Tag("cluster") // failsafe runs it in integration-test-cluster, on PostgreSQL, with nothing beside it
@EnabledIf(value = "io.github.securityrelease.TestDatabase#postgres",
    disabledReason = "several nodes share a PostgreSQL database only (SECURITY_RELEASE_TEST_POSTGRES_URL)")
class ConcurrentStartIT {

  private static final int NODES = 3;
  /** Three JVMs on a shared machine, each start waiting for the others through the start lock. */
  private static final Duration READY_WITHIN = Duration.ofMinutes(10);
  private static final String ADMIN_PASSWORD = "concurrent start admin password";
  /** The nodes' logs, kept for a look after a failure. */
  private static final Path dir = Path.of("target", "concurrent-start-it");

  private final String database = TestDatabase.fresh();
  private final List<ServiceNode> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() throws InterruptedException {
    for (ServiceNode node : nodes) {
      node.close();
    }
  }

  @Test
  @DisplayName("three nodes started at the same instant on an empty database all come up and seed everything once")
  void threeNodesStartTogether() throws Exception {
    startTogether();

    for (ServiceNode node : nodes) {
      HttpResponse<String> profile = node.get("/engine-rest/user/admin/profile", "admin", ADMIN_PASSWORD);
      assertThat(profile.statusCode()).as("%s answers: %s", node.name(), profile.body()).isEqualTo(200);
    }
    assertThat(duplicates("type_, group_id_, user_id_, resource_type_, resource_id_", "act_ru_authorization"))
        .as("authorizations made twice").isEmpty();
    assertThat(query("select id_ from act_id_group", rs -> rs.getString(1)))
        .containsExactlyInAnyOrderElementsOf(Groups.ALL);
    assertThat(query("select user_id_ from act_id_membership", rs -> rs.getString(1))).containsExactly("admin");
    assertThat(query("select name_ from act_ru_filter", rs -> rs.getString(1)))
        .containsExactlyInAnyOrder("My tasks", "My groups' tasks", "Tasks offered to me");
    assertThat(query("select name_ from act_re_deployment", rs -> rs.getString(1))).as("deployments").hasSize(1);
    assertThat(duplicates("key_", "act_re_procdef")).as("process definitions deployed twice").isEmpty();
    assertThat(duplicates("key_", "act_re_case_def")).as("case definitions deployed twice").isEmpty();
    assertThat(duplicates("version", "sro_schema_history")).as("migrations applied twice").isEmpty();
    assertThat(nodes).as("nodes that waited for another's start")
        .anyMatch(node -> node.log().matches("(?s).*Node " + node.name() + " waited PT\\S+ for the start lock.*"));
  }

  /** Each node from a thread of its own, released at once by a barrier; waits until all are ready. */
  private void startTogether() throws IOException, InterruptedException {
    Files.createDirectories(dir);
    CyclicBarrier barrier = new CyclicBarrier(NODES);
    ExecutorService threads = Executors.newFixedThreadPool(NODES);
    List<Future<ServiceNode>> started = new ArrayList<>();
    for (int i = 1; i <= NODES; i++) {
      String name = "node-" + i;
      Files.deleteIfExists(dir.resolve(name + ".log"));
      started.add(threads.submit(() -> {
        barrier.await();
        return ServiceNode.start(name, dir, ServiceNode.SHORT_LIVED, List.of("--security-release.node.name=" + name),
            ServiceNode.postgresEnvironment(database, ADMIN_PASSWORD), READY_WITHIN);
      }));
    }
    threads.shutdown();
    List<String> failed = new ArrayList<>();
    for (Future<ServiceNode> node : started) {
      try {
        nodes.add(node.get());
      } catch (ExecutionException e) {
        failed.add(String.valueOf(e.getCause()));
      }
    }
    assertThat(failed).as("nodes that did not come up (their logs: %s)", dir.toAbsolutePath()).isEmpty();
  }

  /** The values of {@code columns} found in more than one row of {@code table}. */
  private List<String> duplicates(String columns, String table) throws SQLException {
    return query("select concat_ws(' ', " + columns + ") from " + table + " group by " + columns
        + " having count(*) > 1", rs -> rs.getString(1));
  }

  private <T> List<T> query(String sql, TestDatabase.Row<T> row) throws SQLException {
    return TestDatabase.query(database, sql, row);
  }
}
