package io.github.securityrelease.assessment;

import io.github.securityrelease.cases.CaseVariables;
import io.github.securityrelease.notification.CaseMail;
import io.github.securityrelease.notification.NotificationKind;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * R4: a rejected reporter is told why; one whose report belongs upstream is sent there. The
 * same notice at validation ({@code validationOutcome}) and after acceptance ({@code rejection}).
 */
@Component("sendRejection")
class SendRejection implements JavaDelegate {

  private final CaseMail mail;

  SendRejection(CaseMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object rejection = execution.getVariable(CaseVariables.REJECTION);
    String outcome = (String) (rejection != null ? rejection : execution.getVariable(CaseVariables.VALIDATION_OUTCOME));
    mail.sendToReporter(NotificationKind.REJECTION, execution, Map.of(outcome, true));
  }
}
