package io.github.securityrelease.distributors;

import io.github.securityrelease.engine.MaxCharacters;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One address a distributor's embargoed notices go to: the same rules wherever an address is
 * entered (the registry, an application), each violation reported with its own message.
 */
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@NotBlank
@MaxCharacters(254)
@Email
@Pattern(regexp = ContactAddress.PLAIN_ADDRESS, message = "must be a plain address, without spaces, line breaks"
    + " or any of \" , ; < > ( ) [ ] \\")
@interface ContactAddress {

  /**
   * What {@code @Email} lets through in quoted local parts but a notice's recipient list and
   * mail headers must never see: separators, line breaks, quotes, brackets.
   */
  String PLAIN_ADDRESS = "^[^\\u0000-\\u0020\\u007F-\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\",;<>()\\[\\]\\\\]*$";

  String message() default "must be a plain e-mail address";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
