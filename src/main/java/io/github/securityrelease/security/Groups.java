package io.github.securityrelease.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The groups of DESIGN.md's users table, in Camunda's identity service. */
public final class Groups {

  public static final String ADMIN = "camunda-admin";
  public static final String SECURITY_TEAM = "security-team";
  public static final String ASSOCIATES = "security-associates";
  public static final String SIG_MAINTAINERS = "sig-maintainers";
  public static final String RELEASE_MANAGERS = "release-managers";
  public static final String MANAGERS = "managers";
  /** Repair failed notices in Cockpit (Retry on a failed job) without reading a case's details. */
  public static final String OPERATORS = "operators";

  /** The groups that work cases in Tasklist. */
  public static final List<String> WORKING = List.of(SECURITY_TEAM, ASSOCIATES, SIG_MAINTAINERS, RELEASE_MANAGERS);

  public static final List<String> ALL = List.of(ADMIN, SECURITY_TEAM, ASSOCIATES, SIG_MAINTAINERS,
      RELEASE_MANAGERS, MANAGERS, OPERATORS);

  private static final String AUTHORITY_PREFIX = "GROUP_";

  private Groups() {}

  /** The Spring Security authority a member of {@code group} holds. */
  public static String authority(String group) {
    return AUTHORITY_PREFIX + group;
  }

  /** The authorities of {@code userId}'s groups, as they are now in the identity service. */
  public static List<SimpleGrantedAuthority> authoritiesOf(IdentityService identityService, String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .map(Groups::authority)
        .map(SimpleGrantedAuthority::new)
        .toList();
  }

  static String group(String authority) {
    return authority.startsWith(AUTHORITY_PREFIX) ? authority.substring(AUTHORITY_PREFIX.length()) : null;
  }
}
