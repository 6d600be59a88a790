package io.github.securityrelease;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * The lines some loggers write during each test, at their most talkative (TRACE) and kept from
 * the console, so that a test can prove a secret is in none of them. Register it with
 * {@code @RegisterExtension}, naming the loggers: a client's own and Spring's HTTP client's.
 */
public final class TestLogs implements BeforeEachCallback, AfterEachCallback {

  private final List<String> names;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final List<Logger> watched = new ArrayList<>();

  public TestLogs(String... loggers) {
    this.names = List.of(loggers);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    appender.list.clear();
    appender.start();
    for (String name : names) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      logger.setLevel(Level.TRACE);
      logger.setAdditive(false);
      logger.addAppender(appender);
      watched.add(logger);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (Logger logger : watched) {
      logger.detachAppender(appender);
      logger.setLevel(null);
      logger.setAdditive(true);
    }
    watched.clear();
    appender.stop();
  }

  /** The lines written so far in this test, formatted. */
  public List<String> lines() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
