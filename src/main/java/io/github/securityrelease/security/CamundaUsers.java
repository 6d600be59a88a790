package io.github.securityrelease.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * What a user may do, from Camunda's groups alone, however they signed in (a password, the
 * identity provider's bearer token, a personal token): one mapping, so that R21-R23 hold
 * for every way in.
 */
@Component
public class CamundaUsers {

  private final IdentityService identityService;

  CamundaUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * The authorities of {@code userId}'s groups ({@link Groups#authority}); none for a user the
   * service does not know, who gets no rights until a team process or an admin adds them.
   */
  public List<GrantedAuthority> authorities(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .map(Groups::authority)
        .<GrantedAuthority>map(SimpleGrantedAuthority::new)
        .toList();
  }
}
