package io.github.securityrelease.bench;

import static io.github.securityrelease.cases.CaseVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.securityrelease.TestDistributors;
import io.github.securityrelease.cases.VulnerabilityStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Timer latency: 1,000 advance-notice timers fall due during the run, on the service as it is
 * configured ({@code application.yaml}'s job executor settings, the job executor on), one
 * distributor, no mail server (so each notice is kept on record as UNDELIVERED), an H2 file
 * database, or PostgreSQL ({@link BenchDatabase}). Measured from each timer's due time to its
 * notice's ledger row, as ClusterIT measures it on two nodes.
 */
@EnabledIf("io.github.securityrelease.bench.BenchDatabase#available")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=true",
    "security-release.node.name=bench"})
class TimerLatencyBench {

  private static final int CASES = 1_000;
  private static final int WARM_UP_CASES = 50;
  private static final int THREADS = 2;
  /** The timers fall due over this span, from 30 s after the setup is expected to end. */
  private static final Duration SPREAD = Duration.ofSeconds(75);
  private static final Duration LEAD = Duration.ofSeconds(30);
  private static final String PREFIX = "SEC-2026-T";

  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate http;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    BenchDatabase.register(registry, "timer-latency");
  }

  @Test
  void advanceNoticesOnTime() throws Exception {
    String loadAtStart = Load.average();
    registerDistributor();

    // a first few cases, due long after the run, warm the engine up and tell how long the rest will take
    Instant warmUpStart = Instant.now();
    start(WARM_UP_CASES, "SEC-2026-W", Instant.now().plus(Duration.ofDays(3)), Duration.ZERO);
    double perCase = Duration.between(warmUpStart, Instant.now()).toMillis() / (double) WARM_UP_CASES;
    Instant setupStart = Instant.now();
    Instant first = setupStart.plusMillis((long) (perCase * CASES * 1.5)).plus(LEAD);
    Map<String, Instant> due = start(CASES, PREFIX, first, SPREAD);
    Instant setupEnd = Instant.now();

    await().atMost(Duration.between(Instant.now(), first.plus(SPREAD)).plusMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> notices().size() == CASES);
    String loadAtEnd = Load.average();

    List<Notice> notices = notices();
    assertThat(notices).as("one notice per case, kept on record without a mail server")
        .hasSize(CASES).allMatch(notice -> notice.status.equals("UNDELIVERED"));
    assertThat(jdbc.sql("select count(*) from act_ru_incident").query(Long.class).single()).as("incidents").isZero();
    List<Long> toRow = new ArrayList<>();
    List<Long> toSettled = new ArrayList<>();
    for (Notice notice : notices) {
      Instant at = due.get(notice.caseId);
      toRow.add(Duration.between(at, notice.createdAt).toMillis());
      toSettled.add(Duration.between(at, notice.updatedAt).toMillis());
    }
    Stats row = Stats.of(toRow);
    Stats settled = Stats.of(toSettled);
    assertThat(row.min()).as("no notice before its time, ms").isGreaterThanOrEqualTo(0);

    BenchReport.section(BenchDatabase.section("4-timer-latency"), report(row, settled, setupStart, setupEnd, first, loadAtStart, loadAtEnd));
  }

  private void registerDistributor() {
    TestDistributors.imported(http, "Bench Distro", "security@bench-distro.example");
  }

  /**
   * {@code count} cases waiting at their advance notice, with what "Plan disclosure" leaves
   * behind; the timers fall due one after the other from {@code first} over {@code spread}.
   * Started from Java as the service starts its processes (no user: starting at a chosen
   * activity is refused to users outside camunda-admin). The due time per case.
   */
  private Map<String, Instant> start(int count, String prefix, Instant first, Duration spread) throws Exception {
    Map<String, Instant> due = new ConcurrentHashMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> started = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        started.add(threads.submit(() -> {
          for (int i = thread; i < count; i += THREADS) {
            String caseId = prefix + String.format("%04d", i);
            Instant at = first.plusMillis(spread.toMillis() * i / count);
            runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(caseId)
                .setVariables(plannedCase(caseId, i, at))
                .startBeforeActivity("Event_AdvanceNoticeDue")
                .execute();
            due.put(caseId, at);
          }
        }));
      }
      for (Future<?> thread : started) {
        thread.get();
      }
    } finally {
      threads.shutdown();
    }
    return due;
  }

  private static Map<String, Object> plannedCase(String caseId, int i, Instant advanceNoticeAt) {
    Instant disclosure = advanceNoticeAt.plus(Duration.ofDays(10));
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_ID, caseId);
    variables.put(STATUS, VulnerabilityStatus.REMEDIATION.name());
    variables.put(TITLE, "Benchmark case " + caseId);
    variables.put(REPORTER_EMAIL, "reporter@example.net");
    variables.put(CVE_ID, "CVE-2026-" + (10000 + i));
    variables.put(SEVERITY, "HIGH");
    variables.put(CVSS_SCORE, 7.5);
    variables.put(CVSS_VECTOR, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
    variables.put(AFFECTED_VERSIONS, "< 0.6.1");
    variables.put(IMPACT_DESCRIPTION, "A benchmark's impact.");
    variables.put(DISTRIBUTOR_CONTENT, "Patches attached.");
    variables.put(PUBLIC_DISCLOSURE_AT, OffsetDateTime.ofInstant(disclosure, ZoneOffset.UTC).toString());
    variables.put(RELEASE_AT, OffsetDateTime.ofInstant(disclosure, ZoneOffset.UTC).toString());
    variables.put(ADVANCE_NOTICE_AT, Date.from(advanceNoticeAt));
    variables.put(RELEASE_NOTICE_AT, Date.from(disclosure.minus(Duration.ofDays(1))));
    return variables;
  }

  private List<Notice> notices() {
    return jdbc.sql("select case_id, status, created_at, updated_at from notification"
            + " where kind = 'ADVANCE_NOTICE' and case_id like :prefix")
        .param("prefix", PREFIX + "%")
        .query((rs, n) -> new Notice(rs.getString(1), rs.getString(2),
            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(4, OffsetDateTime.class).toInstant()))
        .list();
  }

  private static String report(Stats row, Stats settled, Instant setupStart, Instant setupEnd, Instant first,
      String loadAtStart, String loadAtEnd) {
    double setupSeconds = Duration.between(setupStart, setupEnd).toMillis() / 1000.0;
    boolean met = row.p99() < 5_000;
    return """
        ## 4. Timer latency (TimerLatencyBench), %s

        %,d advance-notice timers falling due one after the other over %d s, on one node with the job
        executor on and `application.yaml`'s settings (`wait-time-in-millis` 1000, `max-wait` 2000,
        4-8 job threads, queue 8, 3 jobs per acquisition), one distributor, no mail server (each notice
        is kept on record as `UNDELIVERED`), %s. A notice takes two jobs: the timer,
        then the asynchronous "Send advance notice" task. Latency is measured from the timer's due
        time to the notice's ledger row: `created_at`, written when the notice's job starts to send it
        (the figure ClusterIT prints); and, beside it, to the row settled (`updated_at` of
        `UNDELIVERED`).

        | ms, n = %,d | p50 | p90 | p99 | max |
        |---|---:|---:|---:|---:|
        | due time → ledger row (`created_at`) | %s | %s | %s | %s |
        | due time → row settled (`updated_at`) | %s | %s | %s | %s |

        **Target: p99 under 5 s. %s** (p99 %s ms from due time to the ledger row.)

        Setup: %,d cases started at the timer from Java (2 threads, one transaction each, after %d
        warm-up cases) in %.1f s, %.0f cases/s; it ended %d s before the first timer was due.
        Load average (1, 5, 15 min) at the start %s, at the end %s.
        """.formatted(BenchDatabase.label(), CASES, SPREAD.toSeconds(), database(), row.count(),
        Stats.fmt(row.p50()), Stats.fmt(row.p90()), Stats.fmt(row.p99()), Stats.fmt(row.max()),
        Stats.fmt(settled.p50()), Stats.fmt(settled.p90()), Stats.fmt(settled.p99()), Stats.fmt(settled.max()),
        met ? "Met." : "Not met.", Stats.fmt(row.p99()),
        CASES, WARM_UP_CASES, setupSeconds, CASES / setupSeconds, Duration.between(setupEnd, first).toSeconds(),
        loadAtStart, loadAtEnd);
  }

  private static String database() {
    return BenchDatabase.postgres() ? "a PostgreSQL database of its own" : "an H2 file database";
  }

  private record Notice(String caseId, String status, Instant createdAt, Instant updatedAt) {}
}
