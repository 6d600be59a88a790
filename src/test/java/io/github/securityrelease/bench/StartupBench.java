package io.github.securityrelease.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.barecamunda.BareCamundaApp;
import io.github.securityrelease.SecurityReleaseApplication;
import io.github.securityrelease.TestPorts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: the service's start-up time against a bare Camunda Spring Boot starter app on the
 * same classpath ({@link BareCamundaApp}), each in a fresh JVM with the same flags and an
 * in-memory H2, timed from launch to Spring Boot's "Started ..." line, alternating.
 */
class StartupBench {

  static final int ROUNDS = 5;
  static final List<String> JVM_FLAGS = List.of("-Xmx512m", "-XX:+UseG1GC");

  @Test
  void startUp() throws Exception {
    List<Double> service = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      boolean serviceFirst = round % 2 == 0;
      (serviceFirst ? service : bare).add(seconds(serviceFirst));
      (serviceFirst ? bare : service).add(seconds(!serviceFirst));
    }
    BenchReport.section("3-startup", report(Stats.of(service), Stats.of(bare)));
  }

  /** Seconds from launching the JVM to its "Started <main class>" line. */
  private static double seconds(boolean theService) throws Exception {
    Class<?> main = theService ? SecurityReleaseApplication.class : BareCamundaApp.class;
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(JVM_FLAGS);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(),
        "--server.port=" + TestPorts.free(),
        "--spring.datasource.url=jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1"));
    if (!theService) {
      // no models and no migrations of ours: only what the starter brings
      command.addAll(List.of("--camunda.bpm.auto-deployment-enabled=false", "--spring.flyway.enabled=false"));
    }
    long began = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      StringBuilder log = new StringBuilder();
      while ((line = out.readLine()) != null) {
        log.append(line).append('\n');
        if (line.contains("Started " + main.getSimpleName() + " in")) {
          return (System.nanoTime() - began) / 1e9;
        }
      }
      assertThat(log.toString()).as(main.getSimpleName() + " started").contains("Started ");
      throw new IllegalStateException("no start line");
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private static String report(Stats service, Stats bare) {
    double ratio = service.p50() / bare.p50();
    return "## 3. Start-up time (StartupBench)\n\n"
        + "Seconds from launching a fresh JVM (`java " + String.join(" ", JVM_FLAGS) + " -cp <the test classpath>`) to"
        + " Spring Boot's \"Started ...\" line: the service (embedded default, in-memory H2, its models, forms and"
        + " migrations deployed, demo accounts seeded) against `BareCamundaApp`, the Camunda starter with the same"
        + " dependencies and none of our code, models or migrations (auto-deployment and Flyway off); both read the service's application.yaml from the classpath, so the"
        + " engine settings (history full, authorization, job executor) are the same. " + ROUNDS
        + " rounds, alternating which goes first.\n\n"
        + "| app | median s | min-max s | spread |\n|---|---:|---:|---:|\n"
        + row("service", service) + row("bare Camunda starter", bare)
        + "\n**Target: none set for start-up (the task asks for the ratio). Figure: service/bare "
        + String.format("%.2f", ratio) + "x.**\n\n"
        + "Load average at the end: " + String.format("%.2f", java.lang.management.ManagementFactory
            .getOperatingSystemMXBean().getSystemLoadAverage())
        + " on 2 shared cores (another helper's benchmarks beside). " + reading(service, bare) + "\n";
  }

  /** What the figures can carry: a wide spread hides a difference of a second or two. */
  private static String reading(Stats service, Stats bare) {
    String ownWork = "the service's own start-up work (deploying three models, their forms and the decision, Flyway"
        + " migrations, seeding accounts, authorizations and filters, its own beans)";
    if (Math.max(service.spreadPercent(), bare.spreadPercent()) > 30) {
      return "With a spread this wide the ratio is rough: " + ownWork + " is of the order of the noise.";
    }
    return "The service takes " + Stats.fmt(service.p50() - bare.p50()) + " s more at the median: " + ownWork + ".";
  }

  private static String row(String app, Stats stats) {
    return "| " + app + " | " + Stats.fmt(stats.p50()) + " | " + Stats.fmt(stats.min()) + "-" + Stats.fmt(stats.max())
        + " | " + String.format("%.0f", stats.spreadPercent()) + "% |\n";
  }
}
