package io.github.securityrelease.bench;

import static io.github.securityrelease.cases.CaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.github.securityrelease.engine.EmbeddedDatabaseCompaction;
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
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
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
 * but the requests. An H2 file database, as the embedded default keeps it, or a PostgreSQL
 * database of its own ({@link BenchDatabase}). On H2, at the end, the file before and after the
 * compaction a clean shutdown runs ({@link EmbeddedDatabaseCompaction}), and every case still
 * there when H2 opens it again.
 */
@EnabledIf("io.github.securityrelease.bench.BenchDatabase#available")
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
  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  /** The statements of one task list request at each size, each with its time. */
  static final StatementLog STATEMENTS = new StatementLog();

  /**
   * On H2, no answer from the last run of the same statement: with the job executor off and no
   * write between two requests, H2 hands a repeated query its last result (OPTIMIZE_REUSE_RESULTS),
   * which a service at work, writing all the time, seldom gets. It made the filter's count and the
   * plain JSON page look flat here while each took longer with every case.
   */
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    BenchDatabase.register(registry, DATABASE, ";OPTIMIZE_REUSE_RESULTS=FALSE");
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class LoggedStatements {

    @Bean
    static BeanPostProcessor statementLog() {
      return STATEMENTS.wrapper();
    }
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
          FilterColumns.measure(taskService, runtimeService, identityService, Requests.WARM_UP, Requests.MEASURED),
          EngineFloor.measure(taskService, identityService, Requests.WARM_UP, Requests.MEASURED));
      stages.add(new Stage(size, seconds, perSecond, footprint, requests));
    }
    Compaction compaction = BenchDatabase.postgres() ? null : compact(made);
    BenchReport.section(BenchDatabase.section("5-scale"),
        ScaleReport.markdown(empty, stages, compaction, THREADS, BATCH, loadAtStart, Load.average()));
  }

  /**
   * What a clean shutdown does to the H2 file, run here with nothing else at work (the job
   * executor off, no request): the file before and after, then H2 opens it again for the next
   * connection, and every case is there.
   */
  private Compaction compact(int cases) throws Exception {
    EmbeddedDatabaseCompaction.Result result = new EmbeddedDatabaseCompaction(dataSource, Duration.ofMinutes(30))
        .compact().orElseThrow(() -> new IllegalStateException("no H2 file to compact"));
    assertThat(result.finished()).as("the compaction finished").isTrue();
    // the pool's connections went with the database: the next ones open it again, as after a restart
    dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_AcknowledgeReport").count())
        .as("every case waiting after H2 opened the compacted file again").isEqualTo(cases);
    jdbc.sql("checkpoint sync").update();
    return new Compaction(result, Files.size(BenchDatabase.file(DATABASE)), Footprint.tableBytes(jdbc));
  }

  /** The H2 file compacted as on a clean shutdown: its size in use again, and H2's tables then. */
  record Compaction(EmbeddedDatabaseCompaction.Result result, long reopenedBytes, Long tableBytes) {}

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

  /**
   * Heap after GC, and what of it is H2's page cache (in the heap; 0 on PostgreSQL), the live
   * objects per class, the database's size on disk (the H2 file, or {@code pg_database_size}),
   * its tables with their indexes, and the biggest of them.
   */
  record Footprint(long heapBytes, long h2CacheBytes, Map<String, Long> classes, long fileBytes, Long tableBytes,
      List<String> biggest) {

    static Footprint measure(JdbcClient jdbc) throws Exception {
      long heap = heapAfterGc();
      Map<String, Long> classes = HeapHistogram.live();
      if (BenchDatabase.postgres()) {
        // as a real database would have it: autovacuum has run, the planner has its statistics
        jdbc.sql("vacuum analyze").update();
        return new Footprint(heap, 0, classes,
            jdbc.sql("select pg_database_size(current_database())").query(Long.class).single(),
            jdbc.sql("""
                    select sum(pg_total_relation_size(c.oid)) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = current_schema() and c.relkind = 'r'""").query(Long.class).single(),
            jdbc.sql("""
                    select c.relname, c.relkind, pg_total_relation_size(c.oid) from pg_class c
                      join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = current_schema() and c.relkind in ('r', 'i')
                     order by 3 desc limit 10""")
                .query((rs, n) -> biggest(rs.getString(1), "r".equals(rs.getString(2)), rs.getLong(3))).list());
      }
      jdbc.sql("checkpoint sync").update();
      long file = Files.size(BenchDatabase.file(DATABASE));
      long cache = jdbc.sql("select setting_value from information_schema.settings where setting_name = 'info.CACHE_SIZE'")
          .query(Long.class).single() * 1024 * 1024;
      return new Footprint(heap, cache, classes, file, tableBytes(jdbc), jdbc.sql("""
              select table_name, db_object_total_size('TABLE', table_schema, table_name) from information_schema.tables
               where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' order by 2 desc limit 6""")
          .query((rs, n) -> biggest(rs.getString(1), true, rs.getLong(2))).list());
    }

    private static String biggest(String name, boolean table, long bytes) {
      return "`%s`%s %.1f MiB".formatted(name.toLowerCase(java.util.Locale.ROOT), table ? "" : " (index)",
          bytes / (1024.0 * 1024.0));
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
      FilterColumns.Timings columns, EngineFloor.Timings floor, List<StatementLog.Statement> taskListStatements) {

    static final int WARM_UP = 50;
    static final int MEASURED = 200;

    static void warmUp(BenchHttp http, String filterId, String caseId) {
      for (int i = 0; i < WARM_UP; i++) {
        http.get("demo-security", taskListPath(filterId), BenchHttp.HAL);
        http.get("demo-security", taskListPath(filterId), BenchHttp.JSON);
        http.get("demo-security", "/api/v1/cases/" + caseId, BenchHttp.JSON);
      }
    }

    static Requests measure(BenchHttp http, String filterId, int cases, FilterColumns.Timings columns,
        EngineFloor.Timings floor) {
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
          columns,
          floor,
          STATEMENTS.record(() -> http.get("demo-security", taskListPath(filterId), BenchHttp.HAL)));
    }

    static String taskListPath(String filterId) {
      return "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15";
    }

    private static Timing time(Runnable request) {
      return FilterColumns.time(request, MEASURED);
    }
  }
}
