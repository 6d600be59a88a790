package io.github.securityrelease.team;

import io.github.securityrelease.security.EngineIdentity;
import io.github.securityrelease.security.Groups;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who is an associate or a member, and the changes R21-R23 make, in Camunda's identity
 * service. Every change is made as the service: the person who completes a task or calls the
 * API holds no right over group memberships, the process does (EngineIdentity).
 */
@Component
class TeamGroups {

  private final IdentityService identityService;
  private final EngineIdentity engineIdentity;

  TeamGroups(IdentityService identityService, EngineIdentity engineIdentity) {
    this.identityService = identityService;
    this.engineIdentity = engineIdentity;
  }

  Optional<User> user(String userId) {
    return engineIdentity.runAsService(() ->
        Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult()));
  }

  boolean isMember(String userId) {
    return isIn(userId, Groups.SECURITY_TEAM);
  }

  boolean isAssociate(String userId) {
    return isIn(userId, Groups.ASSOCIATES);
  }

  /** The members of the security team now, by user id. */
  List<String> members() {
    return membersOf(Groups.SECURITY_TEAM);
  }

  List<String> membersOf(String group) {
    return engineIdentity.runAsService(() ->
        identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
            .map(User::getId).toList());
  }

  /** R21: the associate rotation begins. */
  void addToAssociates(String userId) {
    add(userId, Groups.ASSOCIATES);
  }

  /** R21: the rotation accepted, the associate becomes a member. */
  void makeMember(String userId) {
    add(userId, Groups.SECURITY_TEAM);
    remove(userId, Groups.ASSOCIATES);
  }

  /** R21 rejected, R22 stepped down, R23 removed: out of both groups. */
  void removeFromTeam(String userId) {
    remove(userId, Groups.SECURITY_TEAM);
    remove(userId, Groups.ASSOCIATES);
  }

  boolean isIn(String userId, String group) {
    return engineIdentity.runAsService(() ->
        identityService.createUserQuery().userId(userId).memberOfGroup(group).count() > 0);
  }

  private void add(String userId, String group) {
    engineIdentity.runAsService(() -> {
      if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
        identityService.createMembership(userId, group);
      }
      return null;
    });
  }

  private void remove(String userId, String group) {
    engineIdentity.runAsService(() -> {
      identityService.deleteMembership(userId, group);
      return null;
    });
  }
}
