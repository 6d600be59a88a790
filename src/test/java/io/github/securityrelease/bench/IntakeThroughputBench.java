package io.github.securityrelease.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 9: reports accepted per second through {@code POST /api/v1/reports} against process
 * starts per second through the bare engine REST API on a process with the same start (the
 * {@link EngineSkeleton}: start event, then an async receipt), interleaved round by round.
 */
@OrchestratorIntegrationTest
@TestPropertySource(properties = {
    "security-release.rate-limit.requests-per-minute=100000000",
    "security-release.rate-limit.burst=100000000"})
class IntakeThroughputBench {

  static final int ROUNDS = 7;
  static final int REQUESTS = 200;
  static final List<Integer> CLIENTS = List.of(1, 4);
  static final double TARGET = 0.8;
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizations;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void reportsPerSecond() throws Exception {
    EngineSkeleton.deploy(engine, EngineSkeleton.model(Map.of()));
    Authorization start = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    start.setGroupId("security-team");
    start.setResource(Resources.PROCESS_DEFINITION);
    start.setResourceId(EngineSkeleton.KEY);
    start.addPermission(Permissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(start);

    Map<Integer, List<Double>> service = new LinkedHashMap<>();
    Map<Integer, List<Double>> engineRest = new LinkedHashMap<>();
    for (int clients : CLIENTS) {
      rate(true, clients, REQUESTS / 2);
      rate(false, clients, REQUESTS / 2);
      service.put(clients, new ArrayList<>());
      engineRest.put(clients, new ArrayList<>());
    }
    for (int round = 0; round < ROUNDS; round++) {
      for (int clients : CLIENTS) {
        boolean serviceFirst = round % 2 == 0;
        (serviceFirst ? service : engineRest).get(clients).add(rate(serviceFirst, clients, REQUESTS));
        (serviceFirst ? engineRest : service).get(clients).add(rate(!serviceFirst, clients, REQUESTS));
      }
    }
    BenchReport.section("2-intake", report(service, engineRest));
  }

  /** Requests per second of {@code requests} sent by {@code clients} concurrent clients; each must succeed. */
  private double rate(boolean throughService, int clients, int requests) throws Exception {
    AtomicInteger left = new AtomicInteger(requests);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long began = System.nanoTime();
    List<Future<?>> sent = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      sent.add(pool.submit(() -> {
        while (left.getAndDecrement() > 0) {
          HttpResponse<String> answer = client.send(throughService ? report() : engineStart(),
              HttpResponse.BodyHandlers.ofString());
          assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 201);
        }
        return null;
      }));
    }
    for (Future<?> each : sent) {
      each.get();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    pool.shutdown();
    return requests / seconds;
  }

  private HttpRequest report() throws Exception {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
            TestCases.report("Token leak in controller logs", "ada@example.net")))).build();
  }

  /** The same report's texts as variables of a bare process start, as demo-security. */
  private HttpRequest engineStart() throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    TestCases.report("Token leak in controller logs", "ada@example.net").forEach((name, value) ->
        variables.put(name, Map.of("value", String.valueOf(value))));
    String body = JSON.writeValueAsString(Map.of("variables", variables, "businessKey", "FLOOR-" + System.nanoTime()));
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/process-definition/key/"
            + EngineSkeleton.KEY + "/start"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString("demo-security:demo-security".getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static String report(Map<Integer, List<Double>> service, Map<Integer, List<Double>> engineRest) {
    StringBuilder md = new StringBuilder("## 2. Intake throughput (IntakeThroughputBench)\n\n"
        + "Reports accepted per second through `POST /api/v1/reports` (open, rate limit raised for the bench) against"
        + " process starts per second through `POST /engine-rest/process-definition/key/" + EngineSkeleton.KEY
        + "/start` (HTTP Basic as demo-security, granted CREATE_INSTANCE), the same report texts as variables; both"
        + " stop at the async receipt. Real HTTP port, `java.net.http.HttpClient`, job executor off. " + ROUNDS
        + " rounds of " + REQUESTS + " requests per side and client count, interleaved (the side that goes first"
        + " alternates), after a warm-up round of " + REQUESTS / 2 + ". Requests per second: median, min-max and"
        + " spread ((max-min)/median).\n\n"
        + "| clients | service req/s | engine REST req/s | service/engine (medians) |\n|---:|---|---|---:|\n");
    boolean met = true;
    for (int clients : CLIENTS) {
      Stats s = Stats.of(service.get(clients));
      Stats e = Stats.of(engineRest.get(clients));
      double ratio = s.p50() / e.p50();
      met &= ratio >= TARGET;
      md.append("| ").append(clients).append(" | ").append(describe(s)).append(" | ").append(describe(e))
          .append(" | **").append(String.format("%.2f", ratio)).append("** |\n");
    }
    md.append("\n**Target: at least ").append(TARGET).append("x at every client count. ")
        .append(met ? "Met." : "Not met.").append("**\n\n")
        .append("The machine is shared (2 cores, the other benchmarks' helper running beside; load average at the end: ")
        .append(String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            .getSystemLoadAverage()))
        .append("); the client runs in the same JVM as the server. The service's intake does more per report than a bare"
            + " start: a case number taken under a row lock, validation of the report, the deadlines, 20 variables;"
            + " the engine REST side pays HTTP Basic (a password hash check) and an authorization check per request.\n");
    return md.toString();
  }

  private static String describe(Stats stats) {
    return Stats.fmt(stats.p50()) + " (" + Stats.fmt(stats.min()) + "-" + Stats.fmt(stats.max()) + ", "
        + String.format("%.0f", stats.spreadPercent()) + "%)";
  }
}
