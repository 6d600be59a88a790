package io.github.securityrelease.engine;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the process tests share (the {@code *ProcessTest} classes, each a model on a bare engine,
 * and the tests of a decision table):
 * <pre>
 * &#64;Deployment(resources = "processes/some-model.bpmn")
 * &#64;ExtendWith(ProcessTests.class)
 * class SomeModelProcessTest {
 *   &#64;RegisterExtension
 *   static ProcessEngineCoverageExtension engine = ProcessTests.engine();
 * </pre>
 * The delegates are mocks registered by bean name, and both they and the engine's clock are
 * reset after each test, so that no test sees another's.
 */
public final class ProcessTests implements AfterEachCallback {

  /** A delegate for any element that needs one and whose work a test leaves out. */
  private static final Object NOTHING = new Nothing();

  /**
   * The bare engine of {@code process-test.camunda.cfg.xml} (no Spring, no job executor: a test
   * executes each job itself); the class fails unless its tests together pass every flow node
   * and sequence flow of its models.
   */
  public static ProcessEngineCoverageExtension engine() {
    return ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml")
        .assertClassCoverageAtLeast(1.0)
        .build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Mocks.reset();
    ClockUtil.reset();
  }

  /** Registers {@code beans} as doing nothing, whether a model calls them as task, task listener or execution listener. */
  public static void doNothing(String... beans) {
    for (String bean : beans) {
      Mocks.register(bean, NOTHING);
    }
  }

  /** Registers {@code beans} as tasks that record in {@code sent} the notice they are asked for (their local {@code notice}). */
  public static void recordNotices(List<String> sent, String... beans) {
    for (String bean : beans) {
      Mocks.register(bean, (JavaDelegate) execution -> sent.add((String) execution.getVariableLocal("notice")));
    }
  }

  /** The timer waiting at {@code activityId}, or null. */
  public static Job timer(String activityId) {
    return jobQuery().timers().activityId(activityId).singleResult();
  }

  /** The engine's clock a minute past {@code at}, then the timer at {@code timerId} executed. */
  public static void fire(String timerId, Instant at) {
    ClockUtil.setCurrentTime(Date.from(at.plus(Duration.ofMinutes(1))));
    execute(timer(timerId));
  }

  public static void fire(String timerId, Date at) {
    fire(timerId, at.toInstant());
  }

  /** The last value of a variable of {@code pi}, ended or not. */
  public static Object historicVariable(ProcessInstance pi, String name) {
    return historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  /** The decision table {@code key} of the model {@code resource}, on a bare DMN engine. */
  public static DecisionTable decisionTable(String resource, String key) {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = ProcessTests.class.getClassLoader().getResourceAsStream(resource)) {
      return new DecisionTable(engine, engine.parseDecision(key, model));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A decision table, evaluated as the process evaluates it. */
  public record DecisionTable(DmnEngine engine, DmnDecision decision) {

    public DmnDecisionTableResult evaluate(Map<String, Object> variables) {
      return engine.evaluateDecisionTable(decision, variables);
    }
  }

  private static final class Nothing implements JavaDelegate, TaskListener, ExecutionListener {

    @Override
    public void execute(DelegateExecution execution) {}

    @Override
    public void notify(DelegateTask task) {}

    @Override
    public void notify(DelegateExecution execution) {}
  }
}
