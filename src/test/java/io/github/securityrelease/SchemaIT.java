package io.github.securityrelease;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A new database gets both schemas at the first start: Camunda's (the engine creates it) and
 * the service's own (Flyway). A second start on the same database changes nothing: no table,
 * column, migration, deployment, account or authorization more or less. On H2 (a file) and,
 * when the ITs run there, on PostgreSQL.
 */
class SchemaIT {

  private static final List<String> SNAPSHOT = List.of(
      "select lower(table_name) || '.' || lower(column_name) || ' ' || lower(data_type) from information_schema.columns"
          + " where table_schema = current_schema() order by 1",
      // Flyway quotes its history table's names: lower case on H2 as on PostgreSQL
      "select coalesce(\"version\", '-') || ' ' || \"description\" || ' '"
          + " || coalesce(cast(\"checksum\" as varchar(20)), '-') || ' ' || cast(\"success\" as varchar(5))"
          + " from \"sro_schema_history\" order by \"installed_rank\"",
      "select id_ || ' ' || version_ from act_ge_schema_log order by id_",
      "select name_ || '=' || coalesce(value_, '') from act_ge_property where name_ not like 'startup.lock' order by name_",
      "select 'deployments ' || count(*) from act_re_deployment",
      "select key_ || ' v' || version_ from act_re_procdef order by key_, version_",
      "select 'resources ' || count(*) from act_ge_bytearray where deployment_id_ is not null",
      "select id_ from act_id_user order by id_",
      "select id_ from act_id_group order by id_",
      "select 'authorizations ' || count(*) from act_ru_authorization",
      "select name_ from act_ru_filter order by name_");

  @TempDir Path data;

  @Test
  void firstStartCreatesBothSchemasAndASecondChangesNothing() throws SQLException {
    String url = TestDatabase.persistent(data);

    start(url).close();
    List<String> first = snapshot(url);
    assertThat(first).as("the service's tables").contains(
        "case_number.last_number bigint", "notification.claim_expires_at timestamp with time zone",
        "distributor.organisation character varying", "distributor_change.action character varying",
        "distributor_application_number.last_number bigint", "distributor_leak.what_leaked character varying",
        "case_cve.cve_id character varying", "api_token.secret_hash character", "api_token.last_used_on date",
        "audit_event.action character varying");
    assertThat(first).as("Camunda's tables").anyMatch(line -> line.startsWith("act_ru_job.lock_owner_ "))
        .anyMatch(line -> line.startsWith("act_hi_job_log.hostname_ "));
    assertThat(first).as("Flyway's migrations")
        .anyMatch(line -> line.startsWith("1 case number ") && line.endsWith(" true"))
        .anyMatch(line -> line.startsWith("4 notification claim ") && line.endsWith(" true"))
        .anyMatch(line -> line.startsWith("5 distributor application ") && line.endsWith(" true"))
        .anyMatch(line -> line.startsWith("6 notification case width ") && line.endsWith(" true"))
        .anyMatch(line -> line.startsWith("7 case cve ") && line.endsWith(" true"))
        .anyMatch(line -> line.startsWith("8 api token ") && line.endsWith(" true"));
    assertThat(first).as("the models, deployed once").contains("deployments 1", "vulnerability-handling v1",
        "distributor-application v1", "team-membership v1");

    start(url).close();
    assertThat(snapshot(url)).as("after a second start").containsExactlyElementsOf(first);
  }

  private static ConfigurableApplicationContext start(String url) {
    List<String> arguments = new ArrayList<>(List.of(TestDatabase.arguments(url)));
    arguments.add("--server.port=0");
    arguments.add("--camunda.bpm.job-execution.enabled=false");
    return new SpringApplicationBuilder(SecurityReleaseApplication.class).run(arguments.toArray(String[]::new));
  }

  private static List<String> snapshot(String url) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection connection = TestDatabase.connect(url); Statement statement = connection.createStatement()) {
      for (String sql : SNAPSHOT) {
        try (ResultSet rs = statement.executeQuery(sql)) {
          while (rs.next()) {
            lines.add(rs.getString(1).toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return lines;
  }
}
