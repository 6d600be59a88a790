package io.github.securityrelease.distributors;

import static io.github.securityrelease.engine.TaskInput.characters;
import static io.github.securityrelease.engine.TaskInput.refuse;
import static io.github.securityrelease.engine.TaskInput.requireText;
import static io.github.securityrelease.distributors.ApplicationVariables.*;

import io.github.securityrelease.security.EngineIdentity;
import io.github.securityrelease.team.SecurityTeam;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R25 on submit of "Confirm vouching": only the member named in the application vouches, and
 * only while a member of the security team; a decline says why, and the applicant is told.
 */
@Component("checkVouching")
class CheckVouching implements TaskListener {

  private final EngineIdentity identity;
  private final SecurityTeam team;

  CheckVouching(EngineIdentity identity, SecurityTeam team) {
    this.identity = identity;
    this.team = team;
  }

  @Override
  public void notify(DelegateTask task) {
    String outcome = requireText(task, VOUCHING_OUTCOME, "confirm or decline");
    String vouchedBy = (String) task.getVariable(VOUCHED_BY);
    switch (outcome) {
      case CONFIRMED -> {
        String caller = identity.currentUserId();
        if (caller != null && !caller.equals(vouchedBy)) {
          throw refuse(VOUCHING_OUTCOME, "only " + vouchedBy + ", named as the voucher, may confirm (R25)");
        }
        if (!identity.runAsService(() -> team.isMember(vouchedBy))) {
          throw refuse(VOUCHING_OUTCOME, vouchedBy + " is no longer a member of the security team (R25): decline");
        }
        task.getExecution().removeVariable(VOUCHING_DECLINE_REASON);
      }
      case DECLINED -> {
        String reason = requireText(task, VOUCHING_DECLINE_REASON, "say why: the applicant is told");
        if (characters(reason) > CheckApplicationReview.MAX_REASON) {
          throw refuse(VOUCHING_DECLINE_REASON, "must be at most " + CheckApplicationReview.MAX_REASON + " characters");
        }
      }
      default -> throw refuse(VOUCHING_OUTCOME, "must be " + CONFIRMED + " or " + DECLINED);
    }
  }
}
