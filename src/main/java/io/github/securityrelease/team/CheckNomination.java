package io.github.securityrelease.team;

import static io.github.securityrelease.engine.TaskInput.characters;
import static io.github.securityrelease.engine.TaskInput.refuse;
import static io.github.securityrelease.engine.TaskInput.requireMatching;
import static io.github.securityrelease.engine.TaskInput.requireText;
import static io.github.securityrelease.team.TeamVariables.MEMBER_ID;
import static io.github.securityrelease.team.TeamVariables.NOMINATION_REASON;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * R21 at the start of a rotation, from the Tasklist start form or the API alike: the nominee
 * is an existing user, neither associate nor member, without a membership process running,
 * and the nomination says why. The nominee's user id becomes the business key.
 */
@Component("checkNomination")
class CheckNomination implements ExecutionListener {

  /** Camunda's user ids (camunda.bpm.generic-properties userResourceWhitelistPattern). */
  static final String USER_ID_FORMAT = "^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$";
  static final Pattern USER_ID = Pattern.compile(USER_ID_FORMAT);
  static final int MAX_REASON = 2000;

  /** Camunda keeps a user id in 64 characters, and so does the notification ledger as a membership mail's case (V6). */
  static final int MAX_USER_ID = 64;

  private final Membership membership;

  CheckNomination(Membership membership) {
    this.membership = membership;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String userId = requireMatching(execution, MEMBER_ID, USER_ID, "name the user id of the nominee",
        value -> "must be a user id");
    if (characters(userId) > MAX_USER_ID) {
      throw refuse(MEMBER_ID, "at most " + MAX_USER_ID + " characters");
    }
    String reason = requireText(execution, NOMINATION_REASON, "say why you nominate them");
    if (characters(reason) > MAX_REASON) {
      throw refuse(NOMINATION_REASON, "at most " + MAX_REASON + " characters");
    }
    membership.refusal(userId).ifPresent(refusal -> {
      throw refuse(MEMBER_ID, refusal.message(userId));
    });
    execution.setVariable(MEMBER_ID, userId);
    execution.setVariable(NOMINATION_REASON, reason);
    execution.setProcessBusinessKey(userId);
  }
}
