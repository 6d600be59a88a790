package io.github.securityrelease.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A report that says it is public already must say where (R3 acts on it). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PublicReferenceWhenDisclosed.Validator.class)
@interface PublicReferenceWhenDisclosed {

  String message() default "is required when publiclyDisclosed is true";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PublicReferenceWhenDisclosed, ReportRequest> {

    @Override
    public boolean isValid(ReportRequest report, ConstraintValidatorContext context) {
      if (report == null || !report.disclosed()
          || (report.publicReference() != null && !report.publicReference().isBlank())) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode("publicReference")
          .addConstraintViolation();
      return false;
    }
  }
}
