package io.github.securityrelease.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Component;

/**
 * One node at a time does what a start writes into a shared database: Flyway's migrations,
 * the engine's schema, the seeded groups, accounts, grants and filters, the deployment and
 * what follows it. Nodes started together (a Deployment's replicas) would otherwise race:
 * both create a table or a grant, and one dies on the duplicate.
 *
 * <p>A PostgreSQL session-level advisory lock, on a connection of its own outside the pool:
 * a pooled connection handed back would keep the lock in its session. It is taken before the
 * first of these steps ({@link StartLockHooks}) and let go once the application has started,
 * or when the context closes (a failed start closes it); a node that dies mid-start loses its
 * connection, and the lock with it. H2, the embedded default, is one node: no lock.
 */
@Component
class StartLock implements DisposableBean {

  /** The lock's key among the database's advisory locks: "SRO_STRT" in ASCII. */
  static final long KEY = 0x5352_4f5f_5354_5254L;

  private static final Logger log = LoggerFactory.getLogger(StartLock.class);

  private final DataSourceProperties dataSource;
  private final Node node;
  private Connection connection;
  private Instant heldSince;

  StartLock(DataSourceProperties dataSource, Node node) {
    this.dataSource = dataSource;
    this.node = node;
  }

  /** Takes the lock, waiting while another node holds it; again once held, nothing. */
  synchronized void acquire() {
    if (connection != null || DatabaseDriver.fromJdbcUrl(dataSource.determineUrl()) != DatabaseDriver.POSTGRESQL) {
      return;
    }
    try {
      connection = dataSource.initializeDataSourceBuilder().type(SimpleDriverDataSource.class).build().getConnection();
      Instant asked = Instant.now();
      if (!tryLock()) {
        log.info("Node {} waits for the start lock: another node is migrating, seeding or deploying", node.name());
        lock();
        log.info("Node {} waited {} for the start lock", node.name(), Duration.between(asked, Instant.now()));
      }
      heldSince = Instant.now();
    } catch (SQLException e) {
      release();
      throw new IllegalStateException("Cannot take the start lock on the database: " + e.getMessage(), e);
    }
  }

  /** Closing the connection ends its session, and so the lock. */
  @EventListener(ApplicationStartedEvent.class)
  synchronized void release() {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      log.warn("Closing the start lock's connection failed (its session's end lets the lock go): {}", e.getMessage());
    }
    connection = null;
    if (heldSince != null) {
      log.info("Node {} let go of the start lock after holding it {}", node.name(),
          Duration.between(heldSince, Instant.now()));
      heldSince = null;
    }
  }

  @Override
  public void destroy() {
    release();
  }

  private boolean tryLock() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
      return result.next() && result.getBoolean(1);
    }
  }

  private void lock() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_lock(" + KEY + ")");
    }
  }
}
