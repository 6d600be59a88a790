package io.github.securityrelease.conversation;

import static io.github.securityrelease.cases.CaseVariables.CASE_ID;

import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.engine.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * "Write to reporter" starts (the API, or the start form in Tasklist): the business key, or the
 * start form's {@code caseId}, must be a case's ID and the message a text the service keeps, else a {@code 400} naming the field and
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
    // the API gives the business key; Tasklist's start dialog has no field for one with a
    // Camunda Form, so its form asks for the case (caseId), which becomes the business key
    String businessKey = execution.getProcessBusinessKey();
    Object named = execution.getVariable(CASE_ID);
    if (businessKey != null && named != null && !businessKey.strip().equals(named.toString().strip())) {
      throw TaskInput.refuse(CASE_ID, "names another case than the business key " + businessKey);
    }
    String caseId = businessKey != null ? businessKey : named == null ? null : named.toString();
    if (caseId == null || caseId.isBlank() || !cases.exists(caseId.strip())) {
      throw TaskInput.refuse(businessKey != null || named == null ? BUSINESS_KEY : CASE_ID,
          "must be the ID of a case (SEC-YYYY-NNNN): the message goes to its reporter");
    }
    if (businessKey == null) {
      execution.setProcessBusinessKey(caseId.strip());
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
