package io.github.securityrelease.intake;

import static io.github.securityrelease.cases.CaseVariables.CREDIT;
import static io.github.securityrelease.cases.CaseVariables.CREDIT_CORRECTED_BY;

import io.github.securityrelease.cases.Credit;
import io.github.securityrelease.engine.TaskInput;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R28 in Tasklist: "Describe vulnerability impact" shows the reporter's credit for the team
 * to correct before the disclosure. On create it notes the credit as it stands; on complete it
 * checks the submitted one as the API does (a 400 naming {@code credit}) and stores it as every
 * entrance does, with who changed it when it changed, as {@code PUT .../credit} records it.
 */
@Component("checkCredit")
class CheckCredit implements TaskListener {

  /** The credit when the task was created, local to the task: what a submission is compared with. */
  static final String CREDIT_BEFORE = "creditBefore";

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(CREDIT_BEFORE, task.getVariable(CREDIT));
      return;
    }
    String submitted = TaskInput.formText(task, CREDIT);
    Credit.refusal(submitted).ifPresent(why -> {
      throw TaskInput.refuse(CREDIT, why);
    });
    String credit = Credit.stored(submitted);
    if (!Objects.equals(credit, Credit.stored((String) task.getVariableLocal(CREDIT_BEFORE)))) {
      task.setVariable(CREDIT_CORRECTED_BY, task.getAssignee());
    }
    task.setVariable(CREDIT, credit);
  }
}
