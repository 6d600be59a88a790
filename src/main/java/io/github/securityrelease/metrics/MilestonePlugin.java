package io.github.securityrelease.metrics;

import static io.github.securityrelease.cases.CaseVariables.PROCESS_KEY;

import java.time.Clock;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts a {@link MilestoneListener} on each milestone's element of {@code vulnerability-handling}
 * when the engine reads the model, so that the model itself carries no metrics and the
 * process tests need no bean for them. A built-in listener: it runs even where an operator
 * skips the model's own listeners (a process instance modification in Cockpit).
 */
@Component
class MilestonePlugin extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(MilestonePlugin.class);

  private final CaseDurations durations;
  private final Clock clock;

  MilestonePlugin(CaseDurations durations, Clock clock) {
    this.durations = durations;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity process) {
        if (PROCESS_KEY.equals(process.getKey())) {
          attach(process);
        }
      }
    });
  }

  /**
   * Called once the whole process is read. A version of the model without a milestone's
   * element (an older one, still running cases) is measured without it: never refused.
   */
  void attach(ProcessDefinitionEntity process) {
    for (Milestone milestone : Milestone.values()) {
      ActivityImpl activity = process.findActivity(milestone.elementId());
      if (activity == null) {
        log.warn("Metrics: {} version {} has no element {}: its {} times are not measured", PROCESS_KEY,
            process.getVersion(), milestone.elementId(), milestone.tag());
        continue;
      }
      activity.addBuiltInListener(milestone.event(), new MilestoneListener(milestone, durations, clock));
    }
  }
}
