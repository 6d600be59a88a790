package io.github.securityrelease.conversation;

import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.engine.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * "Write to reporter" starts (the API, or the start form in Tasklist): the business key must be
 * a case's ID and the message a text the service keeps, else a {@code 400} naming the field and
 * nothing started. Who wrote it is on record ({@code writtenBy}).
 */
@Component("checkReporterMessage")
class CheckReporterMessage implements ExecutionListener {

  static final String BUSINESS_KEY = "businessKey";

  private final Cases cases;

  CheckReporterMessage(Cases cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseId = execution.getProcessBusinessKey();
    if (caseId == null || caseId.isBlank() || !cases.exists(caseId.strip())) {
      throw TaskInput.refuse(BUSINESS_KEY, "must be the ID of a case (SEC-YYYY-NNNN): the message goes to its reporter");
    }
    String message = TaskInput.requireText(execution, Conversation.MESSAGE, "is what the reporter reads");
    if (!TaskInput.withinMaxText(message)) {
      throw TaskInput.refuse(Conversation.MESSAGE, "must be at most " + TaskInput.MAX_TEXT + " characters");
    }
    if (!TaskInput.storable(message)) {
      throw TaskInput.refuse(Conversation.MESSAGE, TaskInput.STORABLE_MESSAGE);
    }
    if (execution.getVariable(Conversation.WRITTEN_BY) == null) {
      Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      execution.setVariable(Conversation.WRITTEN_BY, caller == null ? null : caller.getUserId());
    }
  }
}
