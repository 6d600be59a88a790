package io.github.securityrelease.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Every SQL statement any thread sends through the wrapped {@link DataSource}, counted by
 * source: its kind (SELECT, INSERT, UPDATE, DELETE, other) and the first table it names. A
 * JDBC batch counts each of its statements.
 */
final class StatementCounter implements QueryExecutionListener {

  static final List<String> KINDS = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "other");
  private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|into|update)\\s+([A-Za-z_][A-Za-z0-9_.]*)");

  private final Map<String, LongAdder> bySource = new ConcurrentHashMap<>();
  /** The benchmark's own look-ups (which task, which job) are not the case's work. */
  private final ThreadLocal<Boolean> paused = ThreadLocal.withInitial(() -> false);

  /** Wraps the application's data source (a test-only bean post-processor). */
  BeanPostProcessor wrapper() {
    return wrapper("counted", this);
  }

  /** A test-only bean post-processor that wraps the application's data source, telling {@code listener} of every statement. */
  static BeanPostProcessor wrapper(String name, QueryExecutionListener listener) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)
            ? ProxyDataSourceBuilder.create(dataSource).name(name).listener(listener).build()
            : bean;
      }
    };
  }

  @Override
  public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
  }

  @Override
  public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    if (paused.get()) {
      return;
    }
    for (QueryInfo query : queries) {
      int times = execution.isBatch() ? Math.max(1, query.getParametersList().size()) : 1;
      bySource.computeIfAbsent(source(query.getQuery()), key -> new LongAdder()).add(times);
    }
  }

  /** Runs {@code lookUp} on this thread without counting its statements. */
  <T> T uncounted(java.util.function.Supplier<T> lookUp) {
    paused.set(true);
    try {
      return lookUp.get();
    } finally {
      paused.set(false);
    }
  }

  /** The counts since the last call, by source ("SELECT ACT_RU_TASK"), and starts again from zero. */
  Map<String, Long> takeCounts() {
    Map<String, Long> counts = new TreeMap<>();
    bySource.forEach((source, count) -> {
      long value = count.sumThenReset();
      if (value > 0) {
        counts.put(source, value);
      }
    });
    return counts;
  }

  static String kind(String source) {
    return source.substring(0, source.indexOf(' '));
  }

  static String source(String sql) {
    String text = sql.strip();
    String first = text.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    String kind = KINDS.contains(first) ? first : "other";
    Matcher table = TABLE.matcher(text);
    return kind + " " + (table.find() ? table.group(1).toUpperCase(Locale.ROOT) : first);
  }
}
