package io.github.securityrelease.distributors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * R25: a distributor joins the list, and gets embargoed notices, only once it has accepted
 * the embargo policy and a current member has vouched for it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = VouchedWhenActive.Validator.class)
@interface VouchedWhenActive {

  String message() default "is required while the distributor is active";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<VouchedWhenActive, DistributorRequest> {

    @Override
    public boolean isValid(DistributorRequest distributor, ConstraintValidatorContext context) {
      if (distributor == null || !distributor.activeRequested()) {
        return true;
      }
      boolean valid = true;
      context.disableDefaultConstraintViolation();
      if (distributor.embargoPolicyAcceptedAt() == null) {
        valid = violation(context, "embargoPolicyAcceptedAt");
      }
      if (distributor.vouchedBy() == null || distributor.vouchedBy().isBlank()) {
        valid = violation(context, "vouchedBy");
      }
      return valid;
    }

    private static boolean violation(ConstraintValidatorContext context, String field) {
      context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode(field)
          .addConstraintViolation();
      return false;
    }
  }
}
