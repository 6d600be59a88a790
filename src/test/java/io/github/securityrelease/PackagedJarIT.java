package io.github.securityrelease;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar that production runs, run as production runs it ({@code java -jar}): resources inside
 * a Spring Boot jar are found another way than in target/classes, and a model that is not
 * deployed there would only show when the first report fails. Once a build: on PostgreSQL with
 * the postgres profile when the ITs have a PostgreSQL server, on H2 otherwise.
 */
@EnabledIf(value = "io.github.securityrelease.TestDatabase#onceABuild",
    disabledReason = "once a build: on PostgreSQL when the ITs have it, on H2 otherwise")
class PackagedJarIT {

  @TempDir Path workDir;

  @Test
  @DisplayName("java -jar deploys the models and takes a report")
  void packagedJarTakesReports() throws Exception {
    Map<String, String> environment = TestDatabase.postgres()
        ? ServiceNode.postgresEnvironment(TestDatabase.fresh(), "a packaged admin password")
        : Map.of();
    try (ServiceNode service = ServiceNode.start("service", workDir, ServiceNode.SHORT_LIVED,
        List.of("--camunda.bpm.job-execution.enabled=false"), environment, Duration.ofSeconds(150))) {
      HttpResponse<String> created = service.post("/api/v1/reports", """
          {"title": "From the packaged jar", "whatHappened": "x", "howToReproduce": "y",
           "reporter": {"email": "ada@example.net"}}""", null, null);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertThat(created.body()).contains("\"caseId\":\"SEC-");
      assertThat(service.log())
          .contains("processes/vulnerability-handling.bpmn", "processes/release-track.dmn",
              "processes/forms/acknowledge-report.form");
    }
  }
}
