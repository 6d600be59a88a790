package io.github.securityrelease;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The service as production runs it: the packaged jar in a process of its own ({@code java
 * -jar target/*.jar}), on a free port, its output in {@code <dir>/<name>.log}. It can be
 * stopped as an orchestrator stops it (SIGTERM) or killed (SIGKILL).
 */
public final class ServiceNode implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** For a node that lives a minute or two at most: C1 alone and the serial collector start it sooner, and C2 would not pay. */
  public static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private final String name;
  private final Process process;
  private final URI base;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();

  private ServiceNode(String name, Process process, URI base, Path log) {
    this.name = name;
    this.process = process;
    this.base = base;
    this.log = log;
  }

  /**
   * Starts the jar with {@code arguments} (Spring Boot's {@code --key=value}) and
   * {@code environment}, and waits until it is ready.
   */
  public static ServiceNode start(String name, Path dir, List<String> arguments, Map<String, String> environment) {
    return start(name, dir, List.of(), arguments, environment, Duration.ofSeconds(150));
  }

  /**
   * As {@link #start(String, Path, List, Map)}, the JVM given {@code jvmOptions} too, waiting up to
   * {@code readyWithin}: several nodes starting at once take longer.
   */
  public static ServiceNode start(String name, Path dir, List<String> jvmOptions, List<String> arguments,
      Map<String, String> environment, Duration readyWithin) {
    try {
      int port = TestPorts.free();
      List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m"));
      command.addAll(jvmOptions);
      command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port));
      command.addAll(arguments);
      Path log = dir.resolve(name + ".log");
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      ServiceNode node = new ServiceNode(name, builder.start(), URI.create("http://localhost:" + port), log);
      try {
        node.awaitReady(readyWithin);
      } catch (RuntimeException | Error e) {
        // a node that never became ready is no one's to stop: it must not outlive the test
        node.process.destroyForcibly();
        throw e;
      }
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** On the {@code postgres} profile, as production runs it: its settings in the environment. */
  public static Map<String, String> postgresEnvironment(String url, String adminPassword) {
    return Map.of("SPRING_PROFILES_ACTIVE", "postgres",
        "SPRING_DATASOURCE_URL", url,
        "SPRING_DATASOURCE_USERNAME", TestDatabase.username(url),
        "SPRING_DATASOURCE_PASSWORD", TestDatabase.password(url),
        "SECURITY_RELEASE_ADMIN_PASSWORD", adminPassword);
  }

  public String name() {
    return name;
  }

  public URI base() {
    return base;
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no graceful anything, as when a machine dies. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, as an orchestrator stops a container; waits for the process to end. */
  public int stop() throws InterruptedException {
    process.destroy();
    return process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }

  public HttpResponse<String> get(String path, String user, String password) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET(), user, password);
  }

  public HttpResponse<String> post(String path, Object body, String user, String password) {
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(body))), user, password);
  }

  public HttpResponse<String> put(String path, Object body, String user, String password) {
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json(body))), user, password);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String user, String password) {
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object body) {
    try {
      return body instanceof String text ? text : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady(Duration readyWithin) {
    // a node that died is not waited for (ignoreExceptions would swallow a failed assertion)
    await().atMost(readyWithin).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
        .failFast(name + " ended before it was ready (see " + log + ")", () -> !process.isAlive()).until(() ->
            http.send(HttpRequest.newBuilder(base.resolve("/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  private static Path jar() throws IOException {
    try (Stream<Path> jars = Files.list(Path.of("target"))) {
      return jars.filter(path -> path.toString().endsWith(".jar") && !path.toString().endsWith("-plain.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("no jar in target/: run ./mvnw verify"))
          .toAbsolutePath();
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java") + (File.separatorChar == '\\' ? ".exe" : "");
  }
}
