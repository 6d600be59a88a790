package io.github.securityrelease.distributors;

import io.github.securityrelease.engine.MaxCharacters;
import io.github.securityrelease.engine.TaskInput;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * R25: an organisation's request to join the private distributors list, the eight criteria
 * of the project's application template answered (private-distributors-list.md). The same
 * record whether it came through the API or was recorded from an issue or e-mail.
 *
 * @param securityAlias 1. an actively monitored security e-mail alias for the project
 * @param userBase 2. a user base not limited to the organisation itself
 * @param trackRecord 3. a publicly verifiable track record of fixing security issues
 * @param notDownstream 4. why it is not a downstream or rebuild of another distribution
 * @param activeContributor 5. its participation and contributions in the community
 * @param embargoPolicyAccepted 6. the embargo policy accepted: must be true
 * @param contributeBack 7. how it will contribute back (review and test patches)
 * @param vouchedBy 8. the user id of the current security-team member who vouches for it
 * @param openpgpKeys optional, R14: its OpenPGP public keys, each ASCII-armoured, for the
 *     embargoed notices; checked as the registry checks them, carried to the list when it joins
 */
record DistributorApplication(
    @NotBlank @MaxCharacters(200) @Pattern(regexp = DistributorRequest.ONE_LINE, message = "must be a single line")
    String organisation,
    @ContactAddresses List<@ContactAddress String> contacts,
    @ContactAddress String securityAlias,
    @NotBlank @MaxCharacters(ANSWER) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String userBase,
    @NotBlank @MaxCharacters(ANSWER) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String trackRecord,
    @NotBlank @MaxCharacters(ANSWER) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String notDownstream,
    @NotBlank @MaxCharacters(ANSWER) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String activeContributor,
    @NotNull @AssertTrue(message = "must be true: the embargo policy is a condition of membership")
    Boolean embargoPolicyAccepted,
    @NotBlank @MaxCharacters(ANSWER) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String contributeBack,
    @NotBlank @MaxCharacters(64) @Pattern(regexp = DistributorRequest.USER_ID, message = "must be a user id")
    String vouchedBy,
    List<String> openpgpKeys) {

  /** An application without keys: the start form's (an application by issue or e-mail). */
  DistributorApplication(String organisation, List<String> contacts, String securityAlias, String userBase,
      String trackRecord, String notDownstream, String activeContributor, Boolean embargoPolicyAccepted,
      String contributeBack, String vouchedBy) {
    this(organisation, contacts, securityAlias, userBase, trackRecord, notDownstream, activeContributor,
        embargoPolicyAccepted, contributeBack, vouchedBy, null);
  }

  static final int ANSWER = TaskInput.MAX_TEXT;
  /** Text may have line breaks, never a NUL: PostgreSQL's text columns refuse it. */
  static final String NO_NUL = TaskInput.STORABLE_TEXT;
  static final String NUL_MESSAGE = TaskInput.STORABLE_MESSAGE;
}
