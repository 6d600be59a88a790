package io.github.securityrelease.team;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** People for the team's ITs, made straight in the identity service (no user authenticated: no outside change). */
final class TeamPeople {

  private TeamPeople() {}

  /** A new user with an e-mail address ({@code <id>@example.org}); the password is the user id, as the demo accounts'. */
  static String newUser(IdentityService identityService) {
    String id = "person-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setFirstName("Person");
    user.setLastName(id);
    user.setEmail(id + "@example.org");
    user.setPassword(id);
    identityService.saveUser(user);
    return id;
  }
}
