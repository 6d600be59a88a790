package io.github.securityrelease.security;

import jakarta.annotation.PostConstruct;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The groups every installation needs, the {@code admin} user where a password is given, and
 * on the embedded default database one demo account per group (password = user id).
 */
@Component
class AccountSeeder {

  static final int MIN_ADMIN_PASSWORD_LENGTH = 12;
  static final String ADMIN_USER = "admin";
  private static final String DEMO_DOMAIN = "@example.org";

  private static final Logger log = LoggerFactory.getLogger(AccountSeeder.class);

  private final IdentityService identityService;
  private final SecurityProperties properties;

  AccountSeeder(IdentityService identityService, SecurityProperties properties) {
    if (!properties.demoAccounts() && !properties.hasAdminPassword()) {
      throw new MissingAdminPasswordException("no admin password (SECURITY_RELEASE_ADMIN_PASSWORD is not set)");
    }
    if (properties.hasAdminPassword() && properties.adminPassword().length() < MIN_ADMIN_PASSWORD_LENGTH) {
      throw new MissingAdminPasswordException("the admin password (SECURITY_RELEASE_ADMIN_PASSWORD) is shorter than "
          + MIN_ADMIN_PASSWORD_LENGTH + " characters");
    }
    this.identityService = identityService;
    this.properties = properties;
  }

  @PostConstruct
  void seed() {
    Groups.ALL.forEach(this::ensureGroup);
    if (properties.hasAdminPassword()) {
      ensureUser(ADMIN_USER, "Administrator", properties.adminPassword(), Groups.ADMIN, null);
    }
    if (properties.demoAccounts()) {
      demo("demo-admin", "Demo Admin", Groups.ADMIN);
      demo("demo-security", "Demo Security", Groups.SECURITY_TEAM);
      demo("demo-associate", "Demo Associate", Groups.ASSOCIATES);
      demo("demo-maintainer", "Demo Maintainer", Groups.SIG_MAINTAINERS);
      demo("demo-release", "Demo Release", Groups.RELEASE_MANAGERS);
      demo("demo-manager", "Demo Manager", Groups.MANAGERS);
      demo("demo-operator", "Demo Operator", Groups.OPERATORS);
      log.warn("Demo accounts are on (password = user id): for the embedded default database only");
    }
  }

  private void ensureGroup(String id) {
    if (identityService.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(id);
    group.setName(id);
    group.setType(Groups.ADMIN.equals(id)
        ? org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM
        : org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
    identityService.saveGroup(group);
  }

  /** A demo account: its password is its user id. */
  private void demo(String id, String name, String group) {
    ensureUser(id, name, id, group, id + DEMO_DOMAIN);
  }

  /** Made once; a password changed later in the Admin webapp is not reset at the next start. */
  private void ensureUser(String id, String name, String password, String group, String email) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      String[] names = name.split(" ", 2);
      user.setFirstName(names[0]);
      user.setLastName(names.length > 1 ? names[1] : "");
      user.setEmail(email);
      user.setPassword(password);
      identityService.saveUser(user);
      log.info("User {} created", id);
    }
    if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identityService.createMembership(id, group);
    }
  }
}
