package io.github.securityrelease.intake;

import io.github.securityrelease.cases.Credit;
import io.github.securityrelease.engine.MaxCharacters;
import io.github.securityrelease.engine.TaskInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.URL;

/**
 * A suspected vulnerability as the reporter sends it: the fields of the project's report
 * template (R1), and how the reporter wishes to be credited (R28: {@code credit}, absent or
 * blank for no credit).
 */
@PublicReferenceWhenDisclosed
public record ReportRequest(
    @NotBlank @MaxCharacters(200) @Pattern(regexp = ONE_LINE, message = "must be a single line") String title,
    @NotBlank @MaxCharacters(LONG_TEXT) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String whatHappened,
    @MaxCharacters(LONG_TEXT) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String expected,
    @NotBlank @MaxCharacters(LONG_TEXT) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String howToReproduce,
    @MaxCharacters(LONG_TEXT) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String anythingElse,
    @Valid Environment environment,
    @NotNull @Valid Reporter reporter,
    Boolean publiclyDisclosed,
    @MaxCharacters(2000) @URL(regexp = "^https?://.*", message = "must be an http or https URL") String publicReference,
    @MaxCharacters(Credit.MAX_CHARACTERS) @Pattern(regexp = Credit.ONE_LINE, message = Credit.ONE_LINE_MESSAGE) String credit) {

  static final int LONG_TEXT = TaskInput.MAX_TEXT;
  /** Text may have line breaks, never a NUL: PostgreSQL's text columns refuse it. */
  static final String NO_NUL = TaskInput.STORABLE_TEXT;
  static final String NUL_MESSAGE = TaskInput.STORABLE_MESSAGE;
  static final String ONE_LINE = "^[^\\u0000-\\u001F\\u007F]*$";
  static final int SHORT_TEXT = 500;

  /** The environment the reporter saw the problem in. */
  public record Environment(
      @MaxCharacters(SHORT_TEXT) @Pattern(regexp = ONE_LINE, message = "must be a single line") String productVersion,
      @MaxCharacters(SHORT_TEXT) @Pattern(regexp = ONE_LINE, message = "must be a single line") String kubectlVersion,
      @MaxCharacters(SHORT_TEXT) @Pattern(regexp = ONE_LINE, message = "must be a single line") String fluxcdVersion,
      @MaxCharacters(LONG_TEXT) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String others) {}

  /** Who to answer; the address is where the receipt and the acknowledgement go. */
  public record Reporter(
      @MaxCharacters(200) @Pattern(regexp = ONE_LINE, message = "must be a single line") String name,
      @NotBlank @Email @MaxCharacters(254) String email) {}

  boolean disclosed() {
    return Boolean.TRUE.equals(publiclyDisclosed);
  }
}
