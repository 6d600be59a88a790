package io.github.securityrelease.engine;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text of at most {@link #value()} characters, counted as a person counts them (Unicode code
 * points, as JSON Schema's {@code maxLength} does), not as UTF-16 units like {@code @Size}: an
 * emoji is one character. A text the database could not keep ({@link TaskInput#fitsColumn}) is
 * refused too, whatever the limit. The API description shows the limit as {@code maxLength}.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE,
    ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxCharacters.Check.class)
public @interface MaxCharacters {

  int value();

  String message() default "must be at most {value} characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Null is valid, as for {@code @Size}: {@code @NotBlank} says whether a text is required. */
  final class Check implements ConstraintValidator<MaxCharacters, CharSequence> {

    private int max;

    @Override
    public void initialize(MaxCharacters constraint) {
      max = constraint.value();
    }

    @Override
    public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
      if (text == null) {
        return true;
      }
      if (TaskInput.characters(text) > max) {
        return false;
      }
      if (!TaskInput.fitsColumn(text)) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(TaskInput.COLUMN_MESSAGE).addConstraintViolation();
        return false;
      }
      return true;
    }
  }
}
