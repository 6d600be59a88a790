package io.github.securityrelease.intake;

import static io.github.securityrelease.cases.CaseVariables.*;

import io.github.securityrelease.engine.TaskInput;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * R1: a report that came by e-mail, recorded by a member of the security team with the start
 * form in Tasklist. It is checked as the intake API checks a report (a 400 naming the field),
 * and becomes a case the same way: a case ID (the business key), the time of the report, the
 * deadlines. A case the intake started has its ID already and is left alone.
 */
@Component("recordMailedReport")
class RecordMailedReport implements ExecutionListener {

  private final ReportIntake intake;
  private final Validator validator;

  RecordMailedReport(ReportIntake intake, Validator validator) {
    this.intake = intake;
    this.validator = validator;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getVariable(CASE_ID) != null) {
      return;
    }
    ReportRequest report = fromForm(execution);
    TaskInput.requireValid(validator, report, RecordMailedReport::field);
    Map<String, Object> variables = intake.newCase(report);
    execution.setVariables(variables);
    execution.setProcessBusinessKey((String) variables.get(CASE_ID));
  }

  private static ReportRequest fromForm(DelegateExecution execution) {
    ReportRequest.Environment environment = new ReportRequest.Environment(
        text(execution, PRODUCT_VERSION), text(execution, KUBECTL_VERSION), text(execution, FLUXCD_VERSION),
        text(execution, OTHER_ENVIRONMENT));
    return new ReportRequest(text(execution, TITLE), text(execution, WHAT_HAPPENED), text(execution, EXPECTED),
        text(execution, HOW_TO_REPRODUCE), text(execution, ANYTHING_ELSE), environment,
        new ReportRequest.Reporter(text(execution, REPORTER_NAME), text(execution, REPORTER_EMAIL)),
        TaskInput.bool(execution, PUBLICLY_DISCLOSED), text(execution, PUBLIC_REFERENCE),
        text(execution, CREDIT));
  }

  private static String text(DelegateExecution execution, String name) {
    return TaskInput.formText(execution, name);
  }

  /** The form's name of a field of the report. */
  private static String field(ConstraintViolation<ReportRequest> violation) {
    String path = violation.getPropertyPath().toString();
    return switch (path) {
      case "reporter.email" -> REPORTER_EMAIL;
      case "reporter.name" -> REPORTER_NAME;
      case "environment.others" -> OTHER_ENVIRONMENT;
      case "reporter" -> REPORTER_EMAIL;
      default -> path.startsWith("environment.") ? path.substring("environment.".length()) : path;
    };
  }
}
