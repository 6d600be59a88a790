package io.github.securityrelease.team;

import static io.github.securityrelease.team.TeamVariables.*;

import io.github.securityrelease.security.EngineIdentity;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The membership processes, one per person (business key = user id): who may be nominated
 * (R21), a nomination, and stepping down (R22). The Tasklist start form and the API go
 * through the same checks.
 */
@Component
class Membership {

  /** Why a person cannot be nominated. */
  enum NominationRefusal {
    UNKNOWN_USER("is no user"),
    ALREADY_MEMBER("is a member of the security team already"),
    ALREADY_ASSOCIATE("is an associate already"),
    ALREADY_RUNNING("has a membership process running already");

    private final String message;

    NominationRefusal(String message) {
      this.message = message;
    }

    String message(String userId) {
      return userId + " " + message;
    }
  }

  private final RuntimeService runtimeService;
  private final TeamGroups groups;
  private final EngineIdentity engineIdentity;

  Membership(RuntimeService runtimeService, TeamGroups groups, EngineIdentity engineIdentity) {
    this.runtimeService = runtimeService;
    this.groups = groups;
    this.engineIdentity = engineIdentity;
  }

  Optional<NominationRefusal> refusal(String userId) {
    if (groups.user(userId).isEmpty()) {
      return Optional.of(NominationRefusal.UNKNOWN_USER);
    }
    if (groups.isMember(userId)) {
      return Optional.of(NominationRefusal.ALREADY_MEMBER);
    }
    if (groups.isAssociate(userId)) {
      return Optional.of(NominationRefusal.ALREADY_ASSOCIATE);
    }
    if (running(userId).isPresent()) {
      return Optional.of(NominationRefusal.ALREADY_RUNNING);
    }
    return Optional.empty();
  }

  /**
   * R21: starts the rotation as the calling user, so that the engine checks that they may
   * (maintainers and the team) and records them as the nominator.
   */
  ProcessInstance nominate(String userId, String reason) {
    return runtimeService.startProcessInstanceByKey(PROCESS_KEY, userId,
        Map.of(MEMBER_ID, userId, NOMINATION_REASON, reason));
  }

  /**
   * R22: out of both groups now, in this transaction: through the membership process where one
   * runs (it ends there), directly otherwise (a member added in Admin since the last start).
   */
  void stepDown(String userId) {
    engineIdentity.runAsService(() -> {
      if (running(userId).isPresent()) {
        runtimeService.createMessageCorrelation(STEP_DOWN_MESSAGE)
            .processInstanceBusinessKey(userId)
            .setVariable(STEPPED_DOWN_BY, userId)
            .correlateAll();
      } else {
        groups.removeFromTeam(userId);
      }
      return null;
    });
  }

  /**
   * A change made outside the process (OutsideChangesPlugin), handed over as the service: the
   * person's running process hears of it, ended at once if they are in neither group now; or
   * one starts for them. Either way the team is told, once per change (its id).
   */
  void changedOutside(OutsideChange change) {
    String userId = change.memberId();
    Map<String, Object> facts = Map.of(OUTSIDE_CHANGE, change.summary(), OUTSIDE_CHANGE_ID, UUID.randomUUID().toString(),
        OUTSIDE_CHANGED_BY, change.changedBy(), MEMBERSHIP_NOW, change.standing().name());
    engineIdentity.runAsService(() -> {
      if (running(userId).isPresent()) {
        String message = change.standing() == OutsideChange.Standing.NONE ? REMOVED_OUTSIDE_MESSAGE
            : CHANGED_OUTSIDE_RUNNING_MESSAGE;
        // local to the event sub-process: two changes before the first alert went out keep their own facts
        if (!runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(userId)
            .setVariablesToTriggeredScope(facts).correlateAllWithResult().isEmpty()) {
          return null;
        }
      }
      return runtimeService.createMessageCorrelation(CHANGED_OUTSIDE_MESSAGE).processInstanceBusinessKey(userId)
          .setVariable(MEMBER_ID, userId).setVariables(facts).correlateStartMessage();
    });
  }

  /** R23: a member on record (one without a membership process) enters the member phase. */
  void putOnRecord(String userId) {
    engineIdentity.runAsService(() -> runtimeService.createMessageCorrelation(MEMBER_ON_RECORD_MESSAGE)
        .processInstanceBusinessKey(userId)
        .setVariable(MEMBER_ID, userId)
        .correlateStartMessage());
  }

  Optional<ProcessInstance> running(String userId) {
    return engineIdentity.runAsService(() -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(userId).listPage(0, 1).stream().findFirst());
  }
}
