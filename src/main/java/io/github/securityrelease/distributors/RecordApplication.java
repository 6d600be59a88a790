package io.github.securityrelease.distributors;

import static io.github.securityrelease.distributors.ApplicationVariables.*;

import io.github.securityrelease.web.InvalidFieldException;
import io.github.securityrelease.engine.TaskInput;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * R25: an application that came by issue or e-mail, recorded by a member of the security team
 * with the start form in Tasklist. Checked as the API checks one (a 400 naming the field; a
 * name on record is refused too) and made an application the same way. One the API started
 * has its ID already and is left alone.
 */
@Component("recordDistributorApplication")
class RecordApplication implements ExecutionListener {

  private final ApplicationIntake intake;
  private final Validator validator;

  RecordApplication(ApplicationIntake intake, Validator validator) {
    this.intake = intake;
    this.validator = validator;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getVariable(APPLICATION_ID) != null) {
      return;
    }
    DistributorApplication application = fromForm(execution);
    TaskInput.requireValid(validator, application, RecordApplication::field);
    Map<String, Object> variables;
    try {
      variables = intake.newApplication(application);
    } catch (InvalidFieldException e) {
      throw TaskInput.refuse(e.field(), e.getMessage());
    } catch (DistributorConflictException e) {
      throw TaskInput.refuse(ORGANISATION, e.getReason());
    }
    execution.setVariables(variables);
    execution.setProcessBusinessKey((String) variables.get(APPLICATION_ID));
  }

  private static DistributorApplication fromForm(DelegateExecution execution) {
    return new DistributorApplication(text(execution, ORGANISATION),
        ApplicationIntake.contacts(text(execution, CONTACTS)),
        text(execution, Criterion.SECURITY_ALIAS.answer()),
        text(execution, Criterion.USER_BASE.answer()),
        text(execution, Criterion.TRACK_RECORD.answer()),
        text(execution, Criterion.NOT_DOWNSTREAM.answer()),
        text(execution, Criterion.ACTIVE_CONTRIBUTOR.answer()),
        TaskInput.bool(execution, EMBARGO_POLICY_ACCEPTED),
        text(execution, Criterion.CONTRIBUTE_BACK.answer()),
        text(execution, VOUCHED_BY));
  }

  private static String text(DelegateExecution execution, String name) {
    return TaskInput.formText(execution, name);
  }

  /** The form's name of a field: an address of the list is the list's field, as Spring names it. */
  private static String field(ConstraintViolation<DistributorApplication> violation) {
    String path = violation.getPropertyPath().toString();
    int element = path.indexOf(".<");
    return element < 0 ? path : path.substring(0, element);
  }
}
