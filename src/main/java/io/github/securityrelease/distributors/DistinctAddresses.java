package io.github.securityrelease.distributors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** No address twice in one list, whatever its case: each contact gets a notice once. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DistinctAddresses.Validator.class)
@interface DistinctAddresses {

  String message() default "must not name an address twice";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<DistinctAddresses, List<String>> {

    @Override
    public boolean isValid(List<String> addresses, ConstraintValidatorContext context) {
      if (addresses == null) {
        return true;
      }
      Set<String> seen = new HashSet<>();
      return addresses.stream().filter(Objects::nonNull)
          .allMatch(address -> seen.add(address.toLowerCase(Locale.ROOT)));
    }
  }
}
