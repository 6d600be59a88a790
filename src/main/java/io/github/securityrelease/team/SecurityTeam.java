package io.github.securityrelease.team;

import io.github.securityrelease.security.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The members of the security team, as Camunda's identity service knows them. */
@Component
public class SecurityTeam {

  private final IdentityService identityService;

  SecurityTeam(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Where an alert to the whole team goes: every member that has an e-mail address. */
  public List<String> memberEmails() {
    return identityService.createUserQuery().memberOfGroup(Groups.SECURITY_TEAM).list().stream()
        .map(User::getEmail)
        .filter(email -> email != null && !email.isBlank())
        .distinct()
        .toList();
  }

  /** Whether {@code userId} is a member now (R25: only a current member may vouch for a distributor). */
  public boolean isMember(String userId) {
    return identityService.createUserQuery().userId(userId).memberOfGroup(Groups.SECURITY_TEAM).count() > 0;
  }
}
