package io.github.securityrelease.distributors;

import static io.github.securityrelease.engine.TaskInput.characters;
import static io.github.securityrelease.engine.TaskInput.refuse;
import static io.github.securityrelease.engine.TaskInput.requireText;
import static io.github.securityrelease.distributors.ApplicationVariables.*;

import io.github.securityrelease.engine.TaskInput;
import io.github.securityrelease.security.EngineIdentity;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R25 on submit of "Review application": an application is accepted only with all eight
 * criteria met, and rejected only with a reason, which the applicant is told.
 */
@Component("checkApplicationReview")
class CheckApplicationReview implements TaskListener {

  static final int MAX_REASON = TaskInput.MAX_TEXT;

  private final EngineIdentity identity;

  CheckApplicationReview(EngineIdentity identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    String outcome = requireText(task, REVIEW_OUTCOME, "accept or reject the application");
    switch (outcome) {
      case ACCEPTED -> {
        // every unmet criterion at once, so that the reviewer mends the form in one go
        String unmet = Arrays.stream(Criterion.values()).map(Criterion::met)
            .filter(met -> !Boolean.TRUE.equals(TaskInput.bool(task, met)))
            .collect(Collectors.joining(", "));
        if (!unmet.isEmpty()) {
          throw refuse(unmet, "must be met to accept the application (R25); reject it otherwise");
        }
        task.getExecution().removeVariable(REJECTION_REASON);
      }
      case REJECTED -> {
        String reason = requireText(task, REJECTION_REASON, "say why: the applicant is told");
        if (characters(reason) > MAX_REASON) {
          throw refuse(REJECTION_REASON, "must be at most " + MAX_REASON + " characters");
        }
      }
      default -> throw refuse(REVIEW_OUTCOME, "must be " + ACCEPTED + " or " + REJECTED);
    }
    String by = identity.currentUserId() != null ? identity.currentUserId() : task.getAssignee();
    task.getExecution().setVariable(REVIEWED_BY, by);
  }
}
