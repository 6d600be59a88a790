package io.github.securityrelease.engine;

import static io.github.securityrelease.engine.TaskInput.MAX_TEXT;
import static io.github.securityrelease.engine.TaskInput.refuse;

import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every user task of every model refuses, on completion, a text the engine cannot keep: longer
 * than {@link TaskInput#MAX_TEXT} characters (code points) or than the column holds, or with a NUL or an unpaired surrogate
 * ({@link TaskInput#STORABLE_TEXT}): a {@code 400} naming the field, the task left open,
 * instead of a failed database write. A built-in listener, so it runs before the model's own
 * and needs nothing in the models; the forms say the same with their {@code maxLength}.
 */
@Component
class TextLimitPlugin extends AbstractProcessEnginePlugin {

  static final TaskListener REFUSE_LONG_TEXT = TextLimitPlugin::refuseLongText;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, REFUSE_LONG_TEXT);
        }
      }
    });
  }

  static void refuseLongText(DelegateTask task) {
    for (Map.Entry<String, Object> variable : task.getVariables().entrySet()) {
      if (variable.getValue() instanceof String text) {
        // characters as a person counts them (an emoji is one), then what the column holds
        if (TaskInput.characters(text) > MAX_TEXT) {
          throw refuse(variable.getKey(), "must be at most " + MAX_TEXT + " characters");
        }
        if (!TaskInput.fitsColumn(text)) {
          throw refuse(variable.getKey(), TaskInput.COLUMN_MESSAGE);
        }
        if (!TaskInput.storable(text)) {
          throw refuse(variable.getKey(), TaskInput.STORABLE_MESSAGE);
        }
      }
    }
  }
}
