package io.github.securityrelease.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.github.securityrelease.web.InvalidFieldException.FieldProblem;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of {@code /api/v1} as {@code application/problem+json}: a bad field is named,
 * an unexpected failure says nothing about the inside.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList();
    return badFields(problems);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    BodyTooLargeException tooLarge = cause(ex, BodyTooLargeException.class);
    if (tooLarge != null) {
      return problem(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.detail());
    }
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      return badFields(List.of(new FieldProblem(field, reason(mapping))));
    }
    return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON");
  }

  /** A refusal of the service's own packages, answered as it says. */
  @ExceptionHandler(ProblemException.class)
  ResponseEntity<Object> refused(ProblemException ex) {
    return ResponseEntity.status(ex.status()).body(ex.problem());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Object> forbidden(AuthorizationException ex) {
    return problem(HttpStatus.FORBIDDEN, "You are not allowed to do this");
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Object> status(ResponseStatusException ex) {
    HttpStatus status = HttpStatus.valueOf(ex.getStatusCode().value());
    ResponseEntity<Object> response = problem(status, ex.getReason());
    return status == HttpStatus.SERVICE_UNAVAILABLE
        ? ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, "5").body(response.getBody())
        : response;
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception ex) {
    log.error("Unexpected failure of an API request", ex);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The request failed; nothing was changed. The failure is logged.");
  }

  private static ResponseEntity<Object> badFields(List<FieldProblem> problems) {
    return ResponseEntity.badRequest().body(InvalidFieldException.invalidFields(problems));
  }

  private static ResponseEntity<Object> problem(HttpStatus status, String message) {
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, message);
    return ResponseEntity.status(status).body(detail);
  }

  private static String reason(JsonMappingException mapping) {
    String name = mapping.getClass().getSimpleName();
    return switch (name) {
      case "UnrecognizedPropertyException" -> "is not a known field";
      case "InvalidFormatException", "MismatchedInputException", "InvalidTypeIdException" -> "has the wrong type";
      default -> "cannot be read";
    };
  }

  private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
