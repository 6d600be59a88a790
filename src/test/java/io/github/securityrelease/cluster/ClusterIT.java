package io.github.securityrelease.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.ServiceNode;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestDatabase;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.security.Groups;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes of the packaged service on one PostgreSQL database, their job executors on, mail
 * to one SMTP server. They start at the same instant on the empty database, as a Kubernetes
 * Deployment's replicas start, and what a start creates is there once. Then the distributor
 * notices of hundreds of cases fall due during the test: every notice goes out once, the
 * timers fire on time, the work is shared, and a node that is killed, or stopped, loses nothing.
 * One client gets one rate limit from both nodes (the buckets are in the database).
 * PostgreSQL only: H2, the embedded default, is one node.
 */
@Tag(OrchestratorIntegrationTest.CLUSTER) // failsafe runs it in ClusterOnPostgres, when the first IT suite is done
@EnabledIf("io.github.securityrelease.TestDatabase#postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final int CASES = 120;
  private static final String ADMIN_PASSWORD = "cluster admin password";
  private static final String MEMBER = "sec-lead";
  private static final String MEMBER_PASSWORD = "sec-lead password";
  private static final String SETUP = "cluster-setup";
  private static final String SETUP_PASSWORD = "cluster-setup password";
  private static final List<String> DISTRIBUTORS = List.of("security@distro-one.example", "psirt@distro-two.example");
  /** Cases started at once through the REST API. */
  private static final int PLANNERS = 4;
  /** The least time from the last case planned to the first timer due. */
  private static final Duration MIN_LEAD = Duration.ofSeconds(5);
  /**
   * No notice waits long past its time: a node asks for due jobs at least every 2 s
   * (application.yaml), so a timer left behind by both nodes would wait minutes. The bound is wide
   * (a shared, loaded machine took 6 s once alone, 23 s beside an IT suite at a load of 25): this is
   * no measure of speed, which
   * TimerLatencyBench gives (./mvnw -Pbench verify); the figures above are printed for the record.
   */
  private static final Duration TIMER_BOUND = Duration.ofSeconds(60);
  /**
   * The reports one address may post at once (then one a minute, so that no token comes back
   * while the test posts): the limit is the cluster's, on the database the nodes share.
   */
  private static final int REPORT_BURST = 6;

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server().withPerMethodLifecycle(false);

  /** The nodes' logs, kept for a look after a failure. */
  private static final Path dir = Path.of("target", "cluster-it");

  private final String database = TestDatabase.fresh();
  private ServiceNode nodeA;
  private ServiceNode nodeB;
  /** node-a once more, started while the nodes send the notices of the test that stopped it. */
  private CompletableFuture<ServiceNode> restartedA;
  /** What the two first starts made ({@link #whatTheStartsMade}). */
  private Map<String, List<String>> started;

  @BeforeAll
  void startTwoNodes() throws Exception {
    java.nio.file.Files.createDirectories(dir);
    for (String name : List.of("node-a", "node-b")) {
      java.nio.file.Files.deleteIfExists(dir.resolve(name + ".log")); // an earlier build's
    }
    // at the same instant: one creates the schema on the empty database while the other waits
    // for it at the start lock
    CyclicBarrier together = new CyclicBarrier(2);
    CompletableFuture<ServiceNode> a = CompletableFuture.supplyAsync(() -> node("node-a", List.of(), together));
    // node-b holds a job for 10 s only, so that the test needs not wait 5 minutes once it is killed
    CompletableFuture<ServiceNode> b = CompletableFuture.supplyAsync(() -> node("node-b",
        List.of("--camunda.bpm.job-execution.lock-time-in-millis=10000"), together));
    try {
      nodeB = b.join();
    } finally {
      nodeA = a.exceptionally(failed -> null).join();
    }
    assertThat(nodeA).as("node-a came up (its log: %s)", dir.toAbsolutePath()).isNotNull();
    started = whatTheStartsMade();

    // the admin sets up a member of the security team, and an account that may start cases
    // where the test needs them (the service itself starts them from reports)
    asAdmin(nodeA.post("/engine-rest/user/create", Map.of(
        "profile", Map.of("id", MEMBER, "firstName", "Sec", "lastName", "Lead", "email", "sec-lead@kurator.example"),
        "credentials", Map.of("password", MEMBER_PASSWORD)), "admin", ADMIN_PASSWORD));
    asAdmin(nodeA.put("/engine-rest/group/security-team/members/" + MEMBER, "", "admin", ADMIN_PASSWORD));
    asAdmin(nodeA.post("/engine-rest/user/create", Map.of(
        "profile", Map.of("id", SETUP, "firstName", "Cluster", "lastName", "Setup", "email", "setup@kurator.example"),
        "credentials", Map.of("password", SETUP_PASSWORD)), "admin", ADMIN_PASSWORD));
    // cases start at the advance notice timer: only an admin may start at chosen activities
    asAdmin(nodeA.put("/engine-rest/group/camunda-admin/members/" + SETUP, "", "admin", ADMIN_PASSWORD));
    asAdmin(nodeA.post("/engine-rest/authorization/create", Map.of("type", 1, "userId", SETUP,
        "resourceType", 6, "resourceId", "vulnerability-handling", "permissions", List.of("READ", "CREATE_INSTANCE")),
        "admin", ADMIN_PASSWORD));
    asAdmin(nodeA.post("/engine-rest/authorization/create", Map.of("type", 1, "userId", SETUP,
        "resourceType", 8, "resourceId", "*", "permissions", List.of("CREATE")), "admin", ADMIN_PASSWORD));
    // R25: distributors vetted before, brought over by an administrator
    HttpResponse<String> imported = nodeB.post("/api/v1/distributors/imports", Map.of("distributors",
        DISTRIBUTORS.stream().map(contact -> Map.of(
            "organisation", contact.substring(contact.indexOf('@') + 1),
            "contacts", List.of(contact),
            "embargoPolicyAcceptedAt", "2026-11-01T00:00:00Z",
            "vouchedBy", MEMBER)).toList()), "admin", ADMIN_PASSWORD);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
  }

  @AfterAll
  void stopNodes() throws InterruptedException {
    if (restartedA != null) {
      nodeA = restartedA.exceptionally(failed -> nodeA).join();
    }
    for (ServiceNode node : new ServiceNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  @Order(0)
  @DisplayName("two nodes started at the same instant on an empty database both come up and make everything once")
  void twoNodesStartTogether() {
    assertThat(started.get("authorizations made twice")).isEmpty();
    assertThat(started.get("groups")).containsExactlyInAnyOrderElementsOf(Groups.ALL);
    assertThat(started.get("memberships")).containsExactly("admin");
    assertThat(started.get("filters")).containsExactlyInAnyOrder("My tasks", "My groups' tasks", "Tasks offered to me");
    assertThat(started.get("deployments")).hasSize(1);
    assertThat(started.get("process definitions deployed twice")).isEmpty();
    assertThat(started.get("case definitions deployed twice")).isEmpty();
    assertThat(started.get("migrations applied twice")).isEmpty();
    assertThat(List.of(nodeA, nodeB)).as("a node that waited for the other's start")
        .anyMatch(node -> node.log().matches("(?s).*Node " + node.name() + " waited PT\\S+ for the start lock.*"));
  }

  @Test
  @Order(1)
  @DisplayName("one client gets the same rate limit whichever node it reaches: the burst once in total, then 429 on both")
  void oneRateLimitForTheCluster() {
    // reports posted by turns to node-a and node-b, from one address (both see 127.0.0.1)
    int accepted = 0;
    HttpResponse<String> refused = null;
    for (int i = 0; i < 2 * REPORT_BURST + 2 && refused == null; i++) {
      ServiceNode node = i % 2 == 0 ? nodeA : nodeB;
      HttpResponse<String> answer = node.post("/api/v1/reports", TestCases.report("Cluster flood " + i,
          "flood@example.net"), null, null);
      if (answer.statusCode() == 429) {
        refused = answer;
      } else {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        accepted++;
      }
    }
    assertThat(accepted).as("reports accepted by the two nodes together").isEqualTo(REPORT_BURST);
    for (ServiceNode node : List.of(nodeA, nodeB)) {
      HttpResponse<String> answer = node.post("/api/v1/reports", TestCases.report("Cluster flood more",
          "flood@example.net"), null, null);
      assertThat(answer.statusCode()).as(node.name()).isEqualTo(429);
      assertThat(answer.headers().firstValueAsLong("Retry-After").orElse(0)).as(node.name() + "'s Retry-After")
          .isBetween(1L, 60L);
    }
  }

  /** What the two starts made, before the test adds accounts of its own: per question, the rows. */
  private Map<String, List<String>> whatTheStartsMade() throws SQLException {
    Map<String, List<String>> made = new LinkedHashMap<>();
    made.put("authorizations made twice", duplicates("type_, group_id_, user_id_, resource_type_, resource_id_",
        "act_ru_authorization"));
    made.put("groups", query("select id_ from act_id_group", rs -> rs.getString(1)));
    made.put("memberships", query("select user_id_ from act_id_membership", rs -> rs.getString(1)));
    made.put("filters", query("select name_ from act_ru_filter", rs -> rs.getString(1)));
    made.put("deployments", query("select name_ from act_re_deployment", rs -> rs.getString(1)));
    made.put("process definitions deployed twice", duplicates("key_", "act_re_procdef"));
    made.put("case definitions deployed twice", duplicates("key_", "act_re_case_def"));
    made.put("migrations applied twice", duplicates("version", "sro_schema_history"));
    return made;
  }

  /** The values of {@code columns} found in more than one row of {@code table}. */
  private List<String> duplicates(String columns, String table) throws SQLException {
    return query("select concat_ws(' ', " + columns + ") from " + table + " group by " + columns
        + " having count(*) > 1", rs -> rs.getString(1));
  }

  @Test
  @Order(2)
  @DisplayName("two nodes send every advance notice of " + CASES + " cases exactly once, on time, sharing the work")
  void twoNodesShareTheNotices() throws Exception {
    Map<String, Instant> due = planCases(List.of(nodeA, nodeB), "SEC-2026-1", Duration.ofSeconds(10));

    awaitNotices("SEC-2026-1", afterTheLast(due, Duration.ofSeconds(60)));

    List<Row> rows = ledger("SEC-2026-1");
    assertThat(rows).hasSize(CASES * DISTRIBUTORS.size()).allMatch(row -> row.status.equals("SENT"));
    assertOnceEach(rows, "SEC-2026-1");
    assertThat(rows.stream().map(row -> row.node).distinct()).as("nodes that sent").containsExactlyInAnyOrder(
        "node-a", "node-b");
    assertThat(jobHosts()).as("nodes that ran jobs (job log)").contains("node-a", "node-b");
    assertThat(incidents()).as("incidents").isZero();

    List<Long> delays = rows.stream().map(row -> Duration.between(due.get(row.caseId), row.createdAt).toMillis())
        .sorted().toList();
    System.out.printf("Timer latency over %d advance notices of %d timers, due time to the notice on record:"
            + " p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n", delays.size(), CASES,
        percentile(delays, 50), percentile(delays, 90), percentile(delays, 99), delays.get(delays.size() - 1));
    assertThat(delays.get(0)).as("no notice before its time").isGreaterThanOrEqualTo(0);
    assertThat(delays.get(delays.size() - 1)).as("the slowest timer, ms").isLessThan(TIMER_BOUND.toMillis());
  }

  @Test
  @Order(3)
  @DisplayName("a node stopped while the notices go out hands its jobs back at once")
  void aStoppedNodeHandsItsJobsBack() throws Exception {
    Map<String, Instant> due = planCases(List.of(nodeA, nodeB), "SEC-2026-3", Duration.ofSeconds(10));
    await().atMost(afterTheLast(due, Duration.ofSeconds(40))).pollInterval(Duration.ofMillis(100))
        .until(() -> ledger("SEC-2026-3").size() >= CASES * DISTRIBUTORS.size() / 5);

    assertThat(nodeA.stop()).as("exit code of a stopped node").isIn(0, 143);
    Instant stoppedAt = Instant.now();
    int sentBeforeStop = ledger("SEC-2026-3").size();
    assertThat(nodeA.log()).contains("Job executor stopped");
    assertThat(query("select count(*) from act_ru_job where lock_owner_ like 'node-a/%'", rs -> rs.getLong(1)))
        .as("jobs still locked by the stopped node").containsExactly(0L);
    // node-a again, for the next test, starting while node-b sends the rest
    restartedA = CompletableFuture.supplyAsync(() -> node("node-a", List.of()));

    // node-a locks a job for 5 minutes: a job it had kept would hold the rest up that long,
    // while the rest goes out in well under that
    awaitNotices("SEC-2026-3", Duration.ofSeconds(150));
    System.out.printf("node-a stopped after %d notices; the rest sent %d s after the stop%n", sentBeforeStop,
        Duration.between(stoppedAt, Instant.now()).toSeconds());
    assertThat(sentBeforeStop).as("stopped mid-way").isLessThan(CASES * DISTRIBUTORS.size());
    assertThat(assertOnceEach(ledger("SEC-2026-3"), "SEC-2026-3")).as("copies").isZero();
    assertThat(incidents()).as("incidents").isZero();
  }

  @Test
  @Order(4)
  @DisplayName("a node killed while the notices go out loses none and doubles none")
  void aKilledNodeLosesNothing() throws Exception {
    if (restartedA != null) {
      nodeA = restartedA.join();
    }
    // planned through node-b: node-a has only just started again, its code not yet compiled
    Map<String, Instant> due = planCases(List.of(nodeB), "SEC-2026-2", Duration.ofSeconds(10));

    // node-b is killed once a fifth has gone out and it has sent some: how the work falls
    // between the nodes is theirs, so the test asks no share of node-b (node-a, just started
    // again, may take most)
    await().atMost(afterTheLast(due, Duration.ofSeconds(50))).pollInterval(Duration.ofMillis(100))
        .until(() -> {
          List<Row> sent = ledger("SEC-2026-2");
          return sent.size() >= CASES * DISTRIBUTORS.size() / 5 && sent.stream().anyMatch(row -> "node-b".equals(row.node));
        });
    Instant killedAt = Instant.now();
    nodeB.kill();
    int sentBeforeKill = ledger("SEC-2026-2").size();

    awaitNotices("SEC-2026-2", Duration.ofSeconds(150));

    List<Row> rows = ledger("SEC-2026-2");
    assertThat(sentBeforeKill).as("killed mid-way").isLessThan(CASES * DISTRIBUTORS.size());
    assertThat(rows).hasSize(CASES * DISTRIBUTORS.size()).allMatch(row -> row.status.equals("SENT"));
    assertThat(rows).as("node-a finished after the kill")
        .anyMatch(row -> "node-a".equals(row.node) && row.deliveredAt.isAfter(killedAt));
    long retaken = rows.stream().filter(row -> row.attempts > 1).count();
    int copies = assertOnceEach(rows, "SEC-2026-2");
    System.out.printf("node-b killed after %d of %d notices; %d taken over by node-a, %d delivered twice%n",
        sentBeforeKill, rows.size(), retaken, copies);
    assertThat((long) copies).as("copies: only a notice node-b was sending when killed").isLessThanOrEqualTo(retaken);
    assertThat(incidents()).as("incidents").isZero();
  }

  private static void asAdmin(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.request().uri() + " " + response.body()).isBetween(200, 204);
  }

  /** A node started once all {@code together} are ready to start. */
  private ServiceNode node(String name, List<String> extra, CyclicBarrier together) {
    try {
      together.await();
    } catch (InterruptedException | java.util.concurrent.BrokenBarrierException e) {
      throw new IllegalStateException(e);
    }
    return node(name, extra);
  }

  private ServiceNode node(String name, List<String> extra) {
    List<String> arguments = new ArrayList<>(List.of(
        "--security-release.node.name=" + name,
        "--spring.mail.host=localhost",
        "--spring.mail.port=" + TestSmtp.PORT,
        "--security-release.notification.sender=security@kurator.example",
        "--security-release.notification.claim-timeout=PT5S",
        "--security-release.rate-limit.burst=" + REPORT_BURST,
        "--security-release.rate-limit.requests-per-minute=1"));
    arguments.addAll(extra);
    // C1 alone: a node here lives for a minute or two, too short for C2's compiling to pay
    return ServiceNode.start(name, dir, ServiceNode.SHORT_LIVED, arguments,
        ServiceNode.postgresEnvironment(database, ADMIN_PASSWORD), Duration.ofSeconds(150));
  }

  /**
   * {@link #CASES} cases planned through the nodes given, their timers falling due one after
   * the other over {@code spread} from the moment all are planned. That moment is foreseen:
   * a few cases first, under prefixes of their own and due a day later, show how fast the
   * nodes plan now, on a machine that may be busy with other things. The due time per case.
   */
  private Map<String, Instant> planCases(List<ServiceNode> through, String prefix, Duration spread)
      throws InterruptedException, ExecutionException {
    char round = prefix.charAt(prefix.length() - 1);
    Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
    // the first requests after a node's start warm it up, and say little of its pace
    planCases(through, "SEC-2026-8" + round, PLANNERS, tomorrow, Duration.ZERO);
    Instant probe = Instant.now();
    planCases(through, "SEC-2026-9" + round, 2 * PLANNERS, tomorrow, Duration.ZERO);
    Duration foreseen = Duration.between(probe, Instant.now()).multipliedBy(CASES / (2 * PLANNERS));

    Instant start = Instant.now();
    Duration lead = foreseen.plus(foreseen.dividedBy(2)).plus(MIN_LEAD);
    Map<String, Instant> due = planCases(through, prefix, CASES, start.plus(lead), spread);
    System.out.printf("%s: %d cases planned in %d s (%d s foreseen), the first due %d s after the start%n", prefix,
        CASES, Duration.between(start, Instant.now()).toSeconds(), foreseen.toSeconds(), lead.toSeconds());
    return due;
  }

  /** From now until {@code more} after the last of the due times. */
  private static Duration afterTheLast(Map<String, Instant> due, Duration more) {
    Instant last = due.values().stream().max(Instant::compareTo).orElseThrow();
    return Duration.between(Instant.now(), last.plus(more));
  }

  /**
   * {@code count} cases at their advance notice: started through the engine's REST API just
   * before the timer, with what Plan disclosure leaves behind, {@link #PLANNERS} at a time, by
   * turns through the nodes given; the timers fall due one after the other from {@code first}
   * over {@code spread}. The due time per case.
   */
  private Map<String, Instant> planCases(List<ServiceNode> through, String prefix, int count, Instant first,
      Duration spread) throws InterruptedException, ExecutionException {
    SimpleDateFormat restDate = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    restDate.setTimeZone(TimeZone.getTimeZone("UTC"));
    Instant disclosure = first.plus(Duration.ofDays(10));
    Map<String, Instant> due = new LinkedHashMap<>();
    ExecutorService planners = Executors.newFixedThreadPool(PLANNERS);
    List<Future<HttpResponse<String>>> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String caseId = prefix + String.format("%04d", i);
      Instant at = first.plusMillis(spread.toMillis() * i / count);
      Map<String, Object> variables = new HashMap<>();
      variables.put("title", Map.of("value", "Cluster case " + caseId));
      variables.put("reporterEmail", Map.of("value", "reporter@example.net"));
      variables.put("cveId", Map.of("value", "CVE-2026-" + (10000 + i)));
      variables.put("severity", Map.of("value", "HIGH"));
      variables.put("cvssScore", Map.of("value", 7.5, "type", "Double"));
      variables.put("cvssVector", Map.of("value", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"));
      variables.put("affectedVersions", Map.of("value", "< 0.6.1"));
      variables.put("impactDescription", Map.of("value", "A cluster test's impact."));
      variables.put("distributorContent", Map.of("value", "Patches attached."));
      variables.put("publicDisclosureAt", Map.of("value", OffsetDateTime.ofInstant(disclosure, ZoneOffset.UTC).toString()));
      variables.put("releaseAt", Map.of("value", OffsetDateTime.ofInstant(disclosure, ZoneOffset.UTC).toString()));
      variables.put("advanceNoticeAt", Map.of("value", restDate.format(Date.from(at)), "type", "Date"));
      variables.put("releaseNoticeAt", Map.of("value", restDate.format(Date.from(disclosure.minus(Duration.ofDays(1)))),
          "type", "Date"));
      ServiceNode node = through.get(i % through.size());
      started.add(planners.submit(() -> node.post("/engine-rest/process-definition/key/vulnerability-handling/start",
          Map.of("businessKey", caseId, "variables", variables,
              "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Event_AdvanceNoticeDue"))),
          SETUP, SETUP_PASSWORD)));
      due.put(caseId, at);
    }
    planners.shutdown();
    for (Future<HttpResponse<String>> start : started) {
      HttpResponse<String> answer = start.get();
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
    assertThat(Instant.now()).as("all cases planned before the first timer is due").isBefore(first);
    return due;
  }

  private void awaitNotices(String prefix, Duration atMost) {
    await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() ->
        ledger(prefix).stream().filter(row -> row.status.equals("SENT")).count() == (long) CASES * DISTRIBUTORS.size());
  }

  /**
   * The SMTP server got each ledger row's message, and nothing else of these cases: one per
   * case and distributor, each under its row's Message-ID. The number of copies (the same
   * Message-ID more than once).
   */
  private int assertOnceEach(List<Row> rows, String prefix) throws MessagingException {
    List<String> received = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      String id = message.getMessageID();
      if (id != null && id.contains("." + prefix)) {
        received.add(id + " " + String.join(",", TestSmtp.recipients(message)));
      }
    }
    Map<String, Long> counts = received.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    List<String> expected = rows.stream()
        .map(row -> "<notification-" + row.id + "." + row.caseId + "@kurator.example> " + row.recipients).toList();
    assertThat(counts.keySet()).as("messages received, by Message-ID and recipient").containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rows.stream().map(row -> row.caseId + " " + row.recipients).distinct()).hasSize(rows.size());
    return received.size() - counts.size();
  }

  private List<Row> ledger(String prefix) throws SQLException {
    return query("select id, case_id, recipients, status, node, attempts, created_at, delivered_at from notification"
        + " where kind = 'ADVANCE_NOTICE' and case_id like '" + prefix + "%'", rs -> new Row(rs.getLong(1),
        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
        rs.getObject(7, OffsetDateTime.class).toInstant(),
        rs.getObject(8, OffsetDateTime.class) == null ? null : rs.getObject(8, OffsetDateTime.class).toInstant()));
  }

  private long incidents() throws SQLException {
    return query("select count(*) from act_ru_incident", rs -> rs.getLong(1)).get(0);
  }

  private List<String> jobHosts() throws SQLException {
    return query("select distinct hostname_ from act_hi_job_log",
        rs -> rs.getString(1));
  }

  private <T> List<T> query(String sql, RowMapper<T> mapper) throws SQLException {
    return TestDatabase.query(database, sql, mapper::map);
  }

  private static long percentile(List<Long> sorted, int percent) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
  }

  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private record Row(long id, String caseId, String recipients, String status, String node, int attempts,
      Instant createdAt, Instant deliveredAt) {}
}
