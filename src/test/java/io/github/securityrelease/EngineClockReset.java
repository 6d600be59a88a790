package io.github.securityrelease;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sets the engine clock back to the real time after each test: the clock is JVM-wide, and the
 * ITs that share a context share a JVM, so a timer test must not leave the next test in its future.
 */
public class EngineClockReset implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    ClockUtil.reset();
  }
}
