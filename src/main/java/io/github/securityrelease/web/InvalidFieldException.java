package io.github.securityrelease.web;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A field that passed its own constraints but breaks a rule only the service can check (the
 * database, the identity service): answered 400 naming the field, like any other bad field.
 */
public class InvalidFieldException extends ProblemException {

  /** One bad field of the answer's {@code errors}. */
  record FieldProblem(String field, String message) {}

  private final String field;

  public InvalidFieldException(String field, String message) {
    this(field, message, null);
  }

  protected InvalidFieldException(String field, String message, Throwable cause) {
    super(HttpStatus.BAD_REQUEST, message, cause);
    this.field = field;
  }

  public String field() {
    return field;
  }

  @Override
  protected ProblemDetail problem() {
    return invalidFields(List.of(new FieldProblem(field, getMessage())));
  }

  /** The one answer to bad fields, whoever found them: each named, with what is wrong with it. */
  static ProblemDetail invalidFields(List<FieldProblem> problems) {
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid field(s): "
        + problems.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ")));
    detail.setTitle("Invalid request");
    detail.setProperty("errors", problems);
    return detail;
  }
}
