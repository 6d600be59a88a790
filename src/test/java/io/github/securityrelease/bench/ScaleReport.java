package io.github.securityrelease.bench;

import io.github.securityrelease.bench.ScaleBench.Compaction;
import io.github.securityrelease.bench.ScaleBench.Footprint;
import io.github.securityrelease.bench.ScaleBench.Stage;
import io.github.securityrelease.bench.ScaleBench.Timing;
import java.util.List;
import java.util.function.Function;

/** ScaleBench's section of results.md: the figures at each size, the targets and whether they are met. */
final class ScaleReport {

  static final double HEAP_FLAT = 1.2;
  static final double LATENCY_FLAT = 2.0;

  private ScaleReport() {}

  static String markdown(Footprint empty, List<Stage> stages, Compaction compaction, int threads, int batch,
      String loadAtStart, String loadAtEnd) {
    Stage small = stages.get(0);
    Stage large = stages.get(stages.size() - 1);
    Heap heap = Heap.of(empty, small, large);
    double taskListRatio = large.requests().taskList().p50() / small.requests().taskList().p50();
    double caseRatio = large.requests().caseState().p50() / small.requests().caseState().p50();
    boolean postgres = BenchDatabase.postgres();
    StringBuilder text = new StringBuilder("""
        ## 5. Scale: open cases waiting (ScaleBench), %s

        Cases waiting at "Acknowledge report" with the variables the intake gives a report, started
        from Java (`startBeforeActivity`, %d threads, %d cases a transaction), job executor off, %s.
        Heap: the least heap in use over 5 `System.gc()` runs (after 20 warm-up cases and %d runs of
        each request, so that JIT and caches are not counted per case), and what of it is H2's page
        cache (MVStore keeps it in the heap, up to its `CACHE_SIZE`; `info.CACHE_SIZE`, whole MiB).
        Disk: %s, and the tables with their indexes (%s), less the empty figures.

        | open cases | made in | cases/s | heap in use | of it H2's cache | %s / case | tables / case |
        |---:|---:|---:|---:|---:|---:|---:|
        """.formatted(BenchDatabase.label(), threads, batch,
        postgres ? "a PostgreSQL database of its own" : "an H2 file database", ScaleBench.Requests.WARM_UP,
        postgres ? "`pg_database_size` after `VACUUM ANALYZE` (as autovacuum leaves a real database)"
            : "the `.mv.db` file after `CHECKPOINT SYNC`",
        postgres ? "`pg_total_relation_size`" : "H2's own `DB_OBJECT_TOTAL_SIZE`",
        postgres ? "database" : "`.mv.db`"));
    text.append("| empty | | | %s | %s | | |%n".formatted(mib(empty.heapBytes()), mib(empty.h2CacheBytes())));
    for (Stage stage : stages) {
      Footprint at = stage.footprint();
      text.append("| %,d | %.1f s | %.0f | %s | %s | %s | %s |%n".formatted(stage.cases(), stage.setupSeconds(),
          stage.casesPerSecond(), mib(at.heapBytes()), mib(at.h2CacheBytes()),
          bytes((at.fileBytes() - empty.fileBytes()) / (double) stage.cases()),
          at.tableBytes() == null || empty.tableBytes() == null ? "n/a"
              : bytes((at.tableBytes() - empty.tableBytes()) / (double) stage.cases())));
    }
    text.append("""

        **Heap per waiting case**, marginal: from the empty service to %s cases %s a case, from %s
        to %s %s a case: **%.2f×**. Less H2's page cache: %s and %s a case, %.2f×. The classes whose
        live objects grew most from %s to %s, per added case: %s.
        """.formatted(count(small), bytes(heap.first()), count(small), count(large), bytes(heap.second()),
        heap.ratio(), bytes(heap.firstLessCache()), bytes(heap.secondLessCache()),
        heap.ratioLessCache(), count(small), count(large), grown(small, large)));
    text.append("\nBiggest at %s: %s.%n".formatted(count(large), String.join(", ", large.footprint().biggest())));
    if (compaction != null) {
      var result = compaction.result();
      text.append("""

          **The H2 file and a clean shutdown** (`EmbeddedDatabaseCompaction`, `SHUTDOWN COMPACT`, run
          here as the shutdown runs it, with nothing else at work) at %s cases: %s before, %s after,
          in %.1f s; H2 opened it again for the next connection with every case there: %s in use
          after a `CHECKPOINT SYNC`, against %s in its tables (%.2f× its tables; %.2f× before).
          """.formatted(count(large), mib(result.bytesBefore()), mib(result.bytesAfter()),
          result.took().toMillis() / 1000.0, mib(compaction.reopenedBytes()),
          compaction.tableBytes() == null ? "n/a" : mib(compaction.tableBytes()),
          compaction.tableBytes() == null ? 0 : compaction.reopenedBytes() / (double) compaction.tableBytes(),
          large.footprint().tableBytes() == null ? 0
              : large.footprint().fileBytes() / (double) large.footprint().tableBytes()));
    }
    text.append("""

        Requests as `demo-security` over HTTP on the service's port, one kept-alive connection, %d
        warm-up requests then %d timed, one after the other. The task list is what Tasklist asks
        for the filter "My groups' tasks": `GET /engine-rest/filter/{id}/list?firstResult=0&maxResults=15`
        with `Accept: application/hal+json`, which embeds the filter's variable columns (case,
        title, severity, status, distributor) of the 15 tasks; beside it the same page as plain
        JSON, without them (and without the total `count` that the HAL answer carries), and the
        filter's count on its own. The case's state is `GET /api/v1/cases/{id}` of a random case. The
        `engine:` rows time calls in the engine without HTTP: the variable query by which the REST
        API embeds the columns (names in, scopes of the 15 tasks in), once as `demo-security` and
        once with no user; then, with no user and so with no authorization join, the count and the
        first page of the filter's tasks, and the count of every open task with no criterion.

        | ms: p50 / p95 / max | %s | %s | p50 ratio |
        |---|---:|---:|---:|
        """.formatted(ScaleBench.Requests.WARM_UP, ScaleBench.Requests.MEASURED, count(small), count(large)));
    row(text, "task list, as Tasklist asks (HAL, variables)", small, large, Stage::requests, r -> r.taskList());
    row(text, "task list, plain JSON", small, large, Stage::requests, r -> r.taskListJson());
    row(text, "the filter's count, `GET /engine-rest/filter/{id}/count`", small, large, Stage::requests,
        r -> r.taskCount());
    row(text, "`GET /api/v1/cases/{id}`", small, large, Stage::requests, r -> r.caseState());
    row(text, "engine: the 15 tasks' column variables, as the team", small, large, Stage::requests, r -> r.columns().asTeam());
    row(text, "engine: the same, no user (no authorization check)", small, large, Stage::requests,
        r -> r.columns().unchecked());
    row(text, "engine: the filter's tasks counted, no user", small, large, Stage::requests, r -> r.floor().filterCount());
    row(text, "engine: their first 15, no user", small, large, Stage::requests, r -> r.floor().filterPage());
    row(text, "engine: every open task counted, no criterion, no user", small, large, Stage::requests,
        r -> r.floor().everyTaskCount());
    text.append(floor(small, large));
    text.append("""

        **Target: heap per case flat, the marginal figure from %s to %s within %.1f× that up to %s: %s** (%.2f×).
        Database size per case at %s: %s.

        **Target: request latency at %s within %.0f× that at %s (p50): %s** (task list %.2f×,
        case state %.2f×).
        %s
        Load average (1, 5, 15 min) at the start %s, at the end %s.
        """.formatted(count(small), count(large), HEAP_FLAT, count(small), verdict(heap.ratio() <= HEAP_FLAT),
        heap.ratio(), count(large), bytes((large.footprint().fileBytes() - empty.fileBytes()) / (double) large.cases()),
        count(large), LATENCY_FLAT, count(small), verdict(taskListRatio <= LATENCY_FLAT && caseRatio <= LATENCY_FLAT),
        taskListRatio, caseRatio, why(small, large), loadAtStart, loadAtEnd));
    return text.toString();
  }

  /**
   * The heap each added case keeps: from the empty service to the first size, and from there to
   * the last, and the same less H2's page cache (which fills up to its bound as the data grows).
   */
  record Heap(double first, double second, double firstLessCache, double secondLessCache) {

    static Heap of(Footprint empty, Stage small, Stage large) {
      Footprint a = small.footprint();
      Footprint b = large.footprint();
      int firstCases = small.cases();
      int moreCases = large.cases() - small.cases();
      return new Heap((a.heapBytes() - empty.heapBytes()) / (double) firstCases,
          (b.heapBytes() - a.heapBytes()) / (double) moreCases,
          (a.heapBytes() - a.h2CacheBytes() - empty.heapBytes() + empty.h2CacheBytes()) / (double) firstCases,
          (b.heapBytes() - b.h2CacheBytes() - a.heapBytes() + a.h2CacheBytes()) / (double) moreCases);
    }

    double ratio() {
      return second / first;
    }

    double ratioLessCache() {
      return secondLessCache / firstLessCache;
    }
  }

  private static String grown(Stage small, Stage large) {
    int added = large.cases() - small.cases();
    return HeapHistogram.grown(small.footprint().classes(), large.footprint().classes(), 8).stream()
        .map(entry -> "`%s` %s".formatted(entry.getKey(), bytes(entry.getValue() / (double) added)))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /**
   * Where the task list's time goes: the statements of one request at each size, the slowest
   * first, so that the one that grows with the cases shows itself.
   */
  private static String why(Stage small, Stage large) {
    StringBuilder text = new StringBuilder("""

        The statements of one task list request (HAL), slowest first, at %s (%s) and at %s (%s):

        | at | ms | statement |
        |---|---|---|
        """.formatted(count(small), StatementLog.total(small.requests().taskListStatements()), count(large),
        StatementLog.total(large.requests().taskListStatements())));
    for (Stage stage : List.of(small, large)) {
      for (StatementLog.Statement statement : StatementLog.slowest(stage.requests().taskListStatements(), 4)) {
        text.append("| %s | %.1f | `%s` |%n".formatted(count(stage), statement.millis(),
            statement.shortSql(220).replace("|", "\\|")));
      }
    }
    return text.toString();
  }

  /**
   * What the 2× target leaves the task list to grow by (its time at the smaller size), against
   * what the engine's own count and page of the filter's tasks grow by with no authorization at
   * all: a floor that no grant, index or filter property lowers.
   */
  private static String floor(Stage small, Stage large) {
    double room = small.requests().taskList().p50() * (LATENCY_FLAT - 1);
    double floor = EngineFloor.Timings.growth(small.requests().floor(), large.requests().floor());
    double every = large.requests().floor().everyTaskCount().p50() - small.requests().floor().everyTaskCount().p50();
    return """

        **The floor.** Within %.0f×, the task list may grow by %s ms from %s to %s cases. With no
        user, and so with no authorization join, the engine's count and first page of the filter's
        tasks alone grow by %s ms, and its count of every open task with no criterion by %s ms:
        %s.
        """.formatted(LATENCY_FLAT, Stats.fmt(room), count(small), count(large), Stats.fmt(floor), Stats.fmt(every),
        floor > room
            ? "more than the target leaves, before any authorization, HAL or HTTP work, so no grant, index or"
                + " filter property can bring an answer that carries the total of the matching tasks within it"
            : "within what the target leaves");
  }

  private static double ratio(Stage small, Stage large, Function<ScaleBench.Requests, Timing> timing) {
    return timing.apply(large.requests()).p50() / timing.apply(small.requests()).p50();
  }

  private static <T> void row(StringBuilder text, String what, Stage small, Stage large, Function<Stage, T> part,
      Function<T, Timing> timing) {
    Timing a = timing.apply(part.apply(small));
    Timing b = timing.apply(part.apply(large));
    text.append("| %s | %s | %s | %.2f× |%n".formatted(what, timing(a), timing(b), b.p50() / a.p50()));
  }

  private static String timing(Timing timing) {
    return Stats.fmt(timing.p50()) + " / " + Stats.fmt(timing.p95()) + " / " + Stats.fmt(timing.max());
  }

  private static String count(Stage stage) {
    return "%,d".formatted(stage.cases());
  }

  private static String mib(long bytes) {
    return "%.1f MiB".formatted(bytes / (1024.0 * 1024.0));
  }

  private static String bytes(double bytes) {
    return Math.abs(bytes) >= 1024 ? "%.1f KiB".formatted(bytes / 1024) : "%.0f B".formatted(bytes);
  }

  private static String verdict(boolean met) {
    return met ? "met" : "not met";
  }
}
