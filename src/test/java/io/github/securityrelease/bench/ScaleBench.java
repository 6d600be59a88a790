package io.github.securityrelease.bench;

import static io.github.securityrelease.cases.CaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scale: what 1,000 and then 10,000 open cases, each waiting at "Acknowledge report" as a
 * fresh report does, cost in heap and on disk, and how the security team's task list and a
 * case's state answer over HTTP as their number grows. The job executor is off: nothing runs
 * but the requests. H2 file database, as the embedded default keeps it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false",
    "security-release.node.name=bench"})
class ScaleBench {

  private static final String DATABASE = "scale";
  private static final int[] SIZES = {1_000, 10_000};
  private static final int THREADS = 3;
  private static final int BATCH = 50;
  private static final String GROUP_TASKS_FILTER = "My groups' tasks";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = BenchDatabase.fresh(DATABASE);
    registry.add("spring.datasource.url", () -> url);
  }

  @Test
  void waitingCases() throws Exception {
    String loadAtStart = Load.average();
    BenchHttp http = new BenchHttp(port);
    String filterId = filterService.createTaskFilterQuery().filterName(GROUP_TASKS_FILTER).singleResult().getId();
    // the requests' code paths warmed up before anything is weighed, so that JIT and caches are not counted per case
    start(0, 20);
    Requests.warmUp(http, filterId, "SEC-2026-00000");
    Footprint empty = Footprint.measure(jdbc);

    List<Stage> stages = new ArrayList<>();
    int made = 20;
    for (int size : SIZES) {
      Instant from = Instant.now();
      start(made, size - made);
      double seconds = Duration.between(from, Instant.now()).toMillis() / 1000.0;
      double perSecond = (size - made) / seconds;
      made = size;
      assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_AcknowledgeReport").count())
          .as("cases waiting at Acknowledge report").isEqualTo(size);
      Footprint footprint = Footprint.measure(jdbc);
      Requests requests = Requests.measure(http, filterId, size,
          FilterColumns.measure(taskService, runtimeService, identityService, Requests.WARM_UP, Requests.MEASURED));
      stages.add(new Stage(size, seconds, perSecond, footprint, requests));
    }
    BenchReport.section("5-scale", ScaleReport.markdown(empty, stages, THREADS, BATCH, loadAtStart, Load.average()));
  }

  /** Cases {@code from} to {@code from + count - 1}, from {@link #THREADS} threads, {@link #BATCH} to a transaction. */
  private void start(int from, int count) throws Exception {
    TransactionTemplate batch = new TransactionTemplate(transactions);
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> started = new ArrayList<>();
      for (int first = from; first < from + count; first += BATCH) {
        int start = first;
        int end = Math.min(first + BATCH, from + count);
        started.add(threads.submit(() -> batch.executeWithoutResult(tx -> {
          for (int i = start; i < end; i++) {
            String caseId = caseId(i);
            runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(caseId)
                .setVariables(reportedCase(caseId))
                .startBeforeActivity("Task_AcknowledgeReport")
                .execute();
          }
        })));
      }
      for (Future<?> done : started) {
        done.get();
      }
    } finally {
      threads.shutdown();
    }
  }

  static String caseId(int i) {
    return String.format("SEC-2026-%05d", i);
  }

  /** What the intake gives a case from a report (ReportIntake): the report, its ID, its time and deadlines. */
  private static Map<String, Object> reportedCase(String caseId) {
    return ReportedCase.variables(caseId, "Kubeconfig token in the fleet controller's logs (" + caseId + ")",
        "The fleet controller logs the cluster's kubeconfig token at info level when it"
            + " attaches a cluster; anyone who reads the logs can act as the cluster's admin.",
        Instant.now(), "Friday 27 November 2026, 05:00 UTC", Duration.ofDays(30));
  }

  /** Heap after GC and the database's size on disk. */
  record Footprint(long heapBytes, long fileBytes, Long tableBytes) {

    static Footprint measure(JdbcClient jdbc) throws Exception {
      jdbc.sql("checkpoint sync").update();
      long file = Files.size(BenchDatabase.file(DATABASE));
      return new Footprint(heapAfterGc(), file, tableBytes(jdbc));
    }

    /** The least heap in use over a few full collections: what the live objects take. */
    static long heapAfterGc() throws InterruptedException {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      long least = Long.MAX_VALUE;
      for (int i = 0; i < 5; i++) {
        System.gc();
        Thread.sleep(300);
        least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
      }
      return least;
    }

    /** H2's own figure: the tables and their indexes (DB_OBJECT_TOTAL_SIZE, H2 2.3); null where it has none. */
    static Long tableBytes(JdbcClient jdbc) {
      try {
        return jdbc.sql("""
                select sum(db_object_total_size('TABLE', table_schema, table_name)) from information_schema.tables
                 where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'""")
            .query(Long.class).single();
      } catch (RuntimeException unavailable) {
        return null;
      }
    }
  }

  /** One request's time in ms: median, 95th percentile, slowest. */
  record Timing(double p50, double p95, double max) {}

  record Stage(int cases, double setupSeconds, double casesPerSecond, Footprint footprint, Requests requests) {}

  /** Timings of the three requests at one size, each after a warm-up, in ms. */
  record Requests(Timing taskList, Timing taskListJson, Timing taskCount, Timing caseState,
      FilterColumns.Timings columns) {

    static final int WARM_UP = 50;
    static final int MEASURED = 200;

    static void warmUp(BenchHttp http, String filterId, String caseId) {
      for (int i = 0; i < WARM_UP; i++) {
        http.get("demo-security", taskListPath(filterId), BenchHttp.HAL);
        http.get("demo-security", taskListPath(filterId), BenchHttp.JSON);
        http.get("demo-security", "/api/v1/cases/" + caseId, BenchHttp.JSON);
      }
    }

    static Requests measure(BenchHttp http, String filterId, int cases, FilterColumns.Timings columns) {
      warmUp(http, filterId, caseId(cases - 1));
      JsonNode page = http.json(http.get("demo-security", taskListPath(filterId), BenchHttp.HAL));
      assertThat(page.path("_embedded").path("task").size()).as("a full page of the team's tasks").isEqualTo(15);
      assertThat(page.findValues("variable").stream().mapToInt(JsonNode::size).sum())
          .as("the filter's columns, embedded in the tasks: " + page).isPositive();
      return new Requests(
          time(() -> http.get("demo-security", taskListPath(filterId), BenchHttp.HAL)),
          time(() -> http.get("demo-security", taskListPath(filterId), BenchHttp.JSON)),
          time(() -> http.get("demo-security", "/engine-rest/filter/" + filterId + "/count", BenchHttp.JSON)),
          time(() -> http.get("demo-security", "/api/v1/cases/" + caseId((int) (Math.random() * cases)), BenchHttp.JSON)),
          columns);
    }

    static String taskListPath(String filterId) {
      return "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15";
    }

    private static Timing time(Runnable request) {
      return FilterColumns.time(request, MEASURED);
    }
  }
}
