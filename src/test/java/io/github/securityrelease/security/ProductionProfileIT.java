package io.github.securityrelease.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.securityrelease.SecurityReleaseApplication;
import io.github.securityrelease.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The postgres profile outside the embedded default: no demo accounts, and an admin whose
 * password must come from the environment. The datasource is given the way production gives
 * it (SPRING_DATASOURCE_*): a real PostgreSQL database when the ITs run on PostgreSQL
 * ({@link TestDatabase}), H2 in memory standing in for it otherwise. Once a build: on PostgreSQL
 * when the ITs have it.
 */
@EnabledIf(value = "io.github.securityrelease.TestDatabase#onceABuild",
    disabledReason = "once a build: on PostgreSQL when the ITs have it, on H2 otherwise")
class ProductionProfileIT {

  @Test
  void refusesToStartWithoutAnAdminPassword() {
    assertThatThrownBy(() -> start(null).close())
        .hasRootCauseInstanceOf(MissingAdminPasswordException.class)
        .rootCause().hasMessageContaining("SECURITY_RELEASE_ADMIN_PASSWORD is not set");
  }

  @Test
  void refusesAShortAdminPassword() {
    assertThatThrownBy(() -> start("short").close())
        .hasRootCauseInstanceOf(MissingAdminPasswordException.class)
        .rootCause().hasMessageContaining("shorter than 12 characters");
  }

  @Test
  void hasTheAdminAndNoDemoAccounts() {
    try (ConfigurableApplicationContext context = start("correct horse battery staple")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("admin");
      assertThat(identity.createUserQuery().userId("admin").memberOfGroup(Groups.ADMIN).count()).isEqualTo(1);
      assertThat(identity.checkPassword("admin", "correct horse battery staple")).isTrue();
      assertThat(identity.createGroupQuery().list()).hasSize(Groups.ALL.size());

      TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder()
          .rootUri("http://localhost:" + context.getEnvironment().getProperty("local.server.port")));
      assertThat(http.withBasicAuth("demo-security", "demo-security").getForEntity("/engine-rest/task", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(http.withBasicAuth("admin", "correct horse battery staple").getForEntity("/engine-rest/user", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.OK);

      // the admin administers accounts: a new member of the security team, who can then log in
      TestRestTemplate admin = http.withBasicAuth("admin", "correct horse battery staple");
      assertThat(admin.postForEntity("/engine-rest/user/create", Map.of(
          "profile", Map.of("id", "new-member", "firstName", "New", "lastName", "Member", "email", "new@example.org"),
          "credentials", Map.of("password", "a new member's password")), String.class).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(admin.exchange("/engine-rest/group/" + Groups.SECURITY_TEAM + "/members/new-member", HttpMethod.PUT,
          null, String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(http.withBasicAuth("new-member", "a new member's password").getForEntity("/api/v1/distributors",
          String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
      // and reads no case
      assertThat(admin.getForEntity("/engine-rest/task", String.class).getBody()).isEqualTo("[]");
    }
  }

  @Test
  void explainsTheRefusal() {
    var analysis = new MissingAdminPasswordException.Analyzer()
        .analyze(new IllegalStateException(new MissingAdminPasswordException("no admin password")));
    assertThat(analysis.getAction()).contains("SECURITY_RELEASE_ADMIN_PASSWORD", "admin", "camunda-admin");
  }

  private static ConfigurableApplicationContext start(String adminPassword) {
    String url = TestDatabase.fresh();
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--SPRING_DATASOURCE_URL=" + url,
        "--SPRING_DATASOURCE_USERNAME=" + TestDatabase.username(url),
        "--SPRING_DATASOURCE_PASSWORD=" + TestDatabase.password(url)));
    if (adminPassword != null) {
      arguments.add("--SECURITY_RELEASE_ADMIN_PASSWORD=" + adminPassword);
    }
    return new SpringApplicationBuilder(SecurityReleaseApplication.class).profiles("postgres")
        .run(arguments.toArray(String[]::new));
  }
}
