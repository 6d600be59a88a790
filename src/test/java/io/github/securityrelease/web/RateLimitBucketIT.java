package io.github.securityrelease.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the rate limits' buckets are rows of {@code rate_limit_bucket}, which every node
 * shares (RateLimits): a second RateLimits on the same database stands in for a second node
 * here; ClusterIT proves it with two nodes of the packaged jar. Expired rows are deleted.
 */
@OrchestratorIntegrationTest
@EnabledIf(value = "io.github.securityrelease.TestDatabase#postgres", disabledReason = "H2 keeps the buckets in memory")
class RateLimitBucketIT {

  @Autowired TestRestTemplate http;
  @Autowired RateLimits limits;
  @Autowired DataSourceProperties dataSourceProperties;
  @Autowired DataSource dataSource;
  @Autowired RateLimitProperties properties;

  private JdbcTemplate jdbc() {
    return new JdbcTemplate(dataSource);
  }

  @Test
  @DisplayName("a report's POST takes its token from the client's bucket in the database")
  void reportsBucketInTheDatabase() {
    ResponseEntity<Map> created = TestCases.post(http, TestCases.report("Counted in the database", "ada@example.net"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    assertThat(limits.clusterWide()).isTrue();
    assertThat(jdbc().queryForList("select id from rate_limit_bucket where id like 'POST /api/v1/reports %'",
        String.class)).as("the bucket of the test's address").isNotEmpty();
    assertThat(jdbc().queryForList("select expires_at from rate_limit_bucket where id like 'POST /api/v1/reports %'",
        Long.class)).as("each row expires").allMatch(at -> at != null && at > System.currentTimeMillis());
  }

  @Test
  @DisplayName("two nodes on one database share a client's bucket: the burst once in total, then refused on both")
  void oneBucketForTwoNodes() {
    RateLimit nodeA = limits.limit("it two nodes", Rate.perMinute(1, 3));
    RateLimit nodeB = new RateLimits(dataSourceProperties, dataSource, properties).limit("it two nodes",
        Rate.perMinute(1, 3));

    List<Long> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add((i % 2 == 0 ? nodeA : nodeB).acquire("198.51.100.20"));
    }
    assertThat(answers.stream().filter(wait -> wait == 0)).as("let through, on either node").hasSize(3);
    assertThat(answers.subList(3, 8)).allMatch(wait -> wait >= 1 && wait <= 60);
    assertThat(nodeB.retryAfter("198.51.100.20")).isPositive();
    assertThat(nodeA.acquire("198.51.100.21")).as("another client, its own bucket").isZero();
  }

  @Test
  @DisplayName("the rows of buckets full again are deleted; the client then starts with a full bucket")
  void expiredRowsGo() {
    RateLimit limit = limits.limit("it expiry", new Rate(1, Duration.ofHours(1)));
    assertThat(limit.acquire("198.51.100.30")).isZero();
    assertThat(limit.acquire("198.51.100.30")).isPositive();
    String key = limit.key("198.51.100.30");
    assertThat(jdbc().queryForObject("select count(*) from rate_limit_bucket where id = ?", Long.class, key)).isOne();

    // as if the hour had passed: the row expired
    jdbc().update("update rate_limit_bucket set expires_at = ? where id = ?", System.currentTimeMillis() - 1, key);
    assertThat(limits.removeExpired()).isPositive();
    assertThat(jdbc().queryForObject("select count(*) from rate_limit_bucket where id = ?", Long.class, key)).isZero();
    assertThat(limit.acquire("198.51.100.30")).as("a full bucket again").isZero();
  }
}
