package io.github.securityrelease.forge;

import io.github.securityrelease.engine.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.ObjectProvider;

/** What the release-day and publication delegates share: the forge they need, the variables they require. */
final class ForgeSteps {

  private ForgeSteps() {}

  /**
   * The GitHub client, or a {@link ForgeException}: the model takes a forge step only when
   * {@code ${forge.configured()}}, so one without a client is a model or configuration error.
   */
  static GitHub gitHub(ObjectProvider<GitHub> provider, DelegateExecution execution) {
    GitHub gitHub = provider.getIfAvailable();
    if (gitHub == null) {
      throw new ForgeException(step(execution) + " needs the forge, and security-release.forge.repository is not set");
    }
    return gitHub;
  }

  /** The variable's text, or a {@link ForgeException} saying the case lacks it. */
  static String required(DelegateExecution execution, String name, String what) {
    String value = TaskInput.text(execution, name);
    if (value == null) {
      throw new ForgeException(step(execution) + ": the case has no " + what + " (" + name + ")");
    }
    return value;
  }

  private static String step(DelegateExecution execution) {
    String name = execution.getCurrentActivityName();
    return (name != null ? name : execution.getCurrentActivityId()) + " of " + execution.getProcessBusinessKey();
  }
}
