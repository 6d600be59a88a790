package io.github.securityrelease.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who the engine thinks is calling, and a way to act as the service itself where a rule says so. */
@Component
public class EngineIdentity {

  private final IdentityService identityService;

  public EngineIdentity(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Runs {@code work} with no user authenticated to the engine, so that no user's rights apply. */
  public <T> T runAsService(Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  /** The user authenticated to the engine, if any. */
  public String currentUserId() {
    Authentication caller = identityService.getCurrentAuthentication();
    return caller == null ? null : caller.getUserId();
  }

  /**
   * Who completes {@code task}, for the record: the user calling the engine (Tasklist, the REST
   * API), else the task's assignee, when the service or a process test completes it for them.
   */
  public String completedBy(DelegateTask task) {
    String caller = currentUserId();
    return caller != null ? caller : task.getAssignee();
  }
}
