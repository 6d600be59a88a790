package io.github.securityrelease.disclosure;

import static io.github.securityrelease.cases.CaseVariables.*;
import static io.github.securityrelease.engine.TaskInput.requireUrl;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** R18: each publication task records where the publication is: a public URL. */
@Component("checkPublication")
class CheckPublication implements TaskListener {

  static final Map<String, String> URL_OF_TASK = Map.of(
      "Task_PublishReleaseNotes", RELEASE_NOTES_URL,
      "Task_PublishAdvisory", ADVISORY_URL,
      "Task_OpenTrackingIssue", TRACKING_ISSUE_URL);

  @Override
  public void notify(DelegateTask task) {
    requireUrl(task, URL_OF_TASK.get(task.getTaskDefinitionKey()), "where it is published is required");
  }
}
