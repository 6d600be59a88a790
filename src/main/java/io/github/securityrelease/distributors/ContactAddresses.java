package io.github.securityrelease.distributors;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A distributor's contacts: at least one, at most {@value #MAX}, none twice. Each address is
 * checked by {@link ContactAddress} on the list's elements.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@NotEmpty
@Size(max = ContactAddresses.MAX)
@DistinctAddresses
@interface ContactAddresses {

  int MAX = 20;

  String message() default "must name 1 to " + MAX + " distinct addresses";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
