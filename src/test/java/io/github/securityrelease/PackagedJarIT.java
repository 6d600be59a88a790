package io.github.securityrelease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar that production runs, run as production runs it ({@code java -jar}; on PostgreSQL
 * with the postgres profile when the ITs run there): resources
 * inside a Spring Boot jar are found another way than in target/classes, and a model that is
 * not deployed there would only show when the first report fails.
 */
class PackagedJarIT {

  @TempDir Path workDir;

  @Test
  @DisplayName("R1 java -jar deploys the models and takes a report")
  void packagedJarTakesReports() throws Exception {
    Path jar;
    try (Stream<Path> jars = Files.list(Path.of("target"))) {
      jar = jars.filter(path -> path.toString().endsWith(".jar") && !path.toString().endsWith("-plain.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("no jar in target/: run ./mvnw verify"));
    }
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toAbsolutePath().toString(),
        "--server.port=" + port, "--camunda.bpm.job-execution.enabled=false"));
    ProcessBuilder builder = new ProcessBuilder(command);
    if (TestDatabase.postgres()) {
      // as production runs it: the postgres profile, its settings from the environment
      String url = TestDatabase.fresh();
      command.add("--spring.profiles.active=postgres");
      builder.environment().putAll(Map.of("SPRING_DATASOURCE_URL", url,
          "SPRING_DATASOURCE_USERNAME", TestDatabase.username(url),
          "SPRING_DATASOURCE_PASSWORD", TestDatabase.password(url),
          "SECURITY_RELEASE_ADMIN_PASSWORD", "a packaged admin password"));
    }
    Process service = builder.command(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("service.log").toFile())
        .start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      URI base = URI.create("http://localhost:" + port);
      awaitStarted(http, base, service);
      HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/reports"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("""
              {"title": "From the packaged jar", "whatHappened": "x", "howToReproduce": "y",
               "reporter": {"email": "ada@example.net"}}"""))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertThat(created.body()).contains("\"caseId\":\"SEC-");
      assertThat(Files.readString(workDir.resolve("service.log")))
          .contains("processes/vulnerability-handling.bpmn", "processes/release-track.dmn",
              "processes/forms/acknowledge-report.form");
    } finally {
      service.destroy();
      service.waitFor();
    }
  }

  private static void awaitStarted(HttpClient http, URI base, Process service) {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
      assertThat(service.isAlive()).as("the service is running").isTrue();
      return http.send(HttpRequest.newBuilder(base.resolve("/actuator/health/readiness")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    });
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString() + (File.separatorChar == '\\' ? ".exe" : "");
  }
}
