package io.github.securityrelease.intake;

import io.github.securityrelease.engine.TaskInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;

/**
 * A suspected vulnerability as the reporter sends it: the fields of the project's report
 * template (R1).
 */
@PublicReferenceWhenDisclosed
public record ReportRequest(
    @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be a single line") String title,
    @NotBlank @Size(max = LONG_TEXT) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String whatHappened,
    @Size(max = LONG_TEXT) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String expected,
    @NotBlank @Size(max = LONG_TEXT) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String howToReproduce,
    @Size(max = LONG_TEXT) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String anythingElse,
    @Valid Environment environment,
    @NotNull @Valid Reporter reporter,
    Boolean publiclyDisclosed,
    @Size(max = 2000) @URL(regexp = "^https?://.*", message = "must be an http or https URL") String publicReference) {

  static final int LONG_TEXT = TaskInput.MAX_TEXT;
  /** Text may have line breaks, never a NUL: PostgreSQL's text columns refuse it. */
  static final String NO_NUL = TaskInput.STORABLE_TEXT;
  static final String NUL_MESSAGE = TaskInput.STORABLE_MESSAGE;
  static final String ONE_LINE = "[^\\p{Cntrl}]*";
  static final int SHORT_TEXT = 500;

  /** The environment the reporter saw the problem in. */
  public record Environment(
      @Size(max = SHORT_TEXT) @Pattern(regexp = ONE_LINE, message = "must be a single line") String productVersion,
      @Size(max = SHORT_TEXT) @Pattern(regexp = ONE_LINE, message = "must be a single line") String kubectlVersion,
      @Size(max = SHORT_TEXT) @Pattern(regexp = ONE_LINE, message = "must be a single line") String fluxcdVersion,
      @Size(max = LONG_TEXT) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String others) {}

  /** Who to answer; the address is where the receipt and the acknowledgement go. */
  public record Reporter(
      @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be a single line") String name,
      @NotBlank @Email @Size(max = 254) String email) {}

  boolean disclosed() {
    return Boolean.TRUE.equals(publiclyDisclosed);
  }
}
