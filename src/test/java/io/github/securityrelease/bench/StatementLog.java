package io.github.securityrelease.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The SQL statements of one request, each with its time: what {@code ScaleBench} prints for one
 * task list request at each size, so that the statement that grows shows itself. Records only
 * while {@link #record} runs (any thread: the request runs on the server's), nothing otherwise.
 */
final class StatementLog implements QueryExecutionListener {

  /** One statement: its time in ms and its SQL on one line. */
  record Statement(double millis, String sql) {

    /** The SQL, shortened to {@code length} characters for a table. */
    String shortSql(int length) {
      return sql.length() <= length ? sql : sql.substring(0, length - 1) + "…";
    }
  }

  private final List<Statement> statements = new ArrayList<>();
  private final ThreadLocal<Long> startedAt = new ThreadLocal<>();
  private volatile boolean recording;

  /** Wraps the application's data source (a test-only bean post-processor). */
  BeanPostProcessor wrapper() {
    return StatementCounter.wrapper("logged", this);
  }

  /** Runs {@code request} and answers the statements it sent, in order. */
  synchronized List<Statement> record(Runnable request) {
    statements.clear();
    recording = true;
    try {
      request.run();
    } finally {
      recording = false;
    }
    synchronized (statements) {
      return List.copyOf(statements);
    }
  }

  @Override
  public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    if (recording) {
      startedAt.set(System.nanoTime());
    }
  }

  @Override
  public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    Long started = startedAt.get();
    startedAt.remove();
    if (!recording || started == null) {
      return;
    }
    double millis = (System.nanoTime() - started) / 1e6;
    synchronized (statements) {
      for (QueryInfo query : queries) {
        statements.add(new Statement(millis, query.getQuery().strip().replaceAll("\\s+", " ")));
      }
    }
  }

  /** The {@code count} slowest statements, slowest first. */
  static List<Statement> slowest(List<Statement> statements, int count) {
    return statements.stream().sorted(Comparator.comparingDouble(Statement::millis).reversed()).limit(count).toList();
  }

  static String total(List<Statement> statements) {
    return String.format(Locale.ROOT, "%d statements, %.1f ms", statements.size(),
        statements.stream().mapToDouble(Statement::millis).sum());
  }
}
