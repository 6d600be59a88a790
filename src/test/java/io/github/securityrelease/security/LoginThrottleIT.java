package io.github.securityrelease.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.notification.Notification;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.notification.NotificationLedger;
import io.github.securityrelease.notification.NotificationStatus;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One address (127.0.0.3) hammers wrong passwords for a member while the member logs in from
 * another (127.0.0.2): the attacker is throttled, the member never, and the team hears of it once.
 * Neither is 127.0.0.1, where the other ITs come from and must not find themselves throttled.
 */
@OrchestratorIntegrationTest
class LoginThrottleIT {

  private static final String ATTACKER = "127.0.0.3";
  private static final String MEMBER = "127.0.0.2";
  private static final String WRONG = "Pw-Jackal-3310-Guess";

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired NotificationLedger ledger;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  /**
   * The members this test made, whose passwords are not their user ids: out again after it, for
   * the ITs after it that log in as every member of the team (TeamMembershipIT's removal vote).
   */
  private final List<String> members = new ArrayList<>();

  @AfterEach
  void removeMembers() {
    members.forEach(identityService::deleteUser);
  }

  /** A way in: one login attempt of {@code user} from {@code client}. */
  private interface Login {
    FromAddress.Answer attempt(FromAddress client, String user, String password);
  }

  @Test
  @DisplayName("the webapps' login: the attacker gets 429 after 5 failures, the member from elsewhere always gets in")
  void webappLogin() {
    String member = member("throttle-webapp");
    attackWhileMemberLogsIn(member, LoginThrottleIT::webappLogin);
    assertAlertedOnce(member);
  }

  @Test
  @DisplayName("HTTP Basic: the attacker gets 429 after 5 failures, the member from elsewhere always gets in")
  void basic() {
    String member = member("throttle-basic");
    attackWhileMemberLogsIn(member, (client, user, password) -> {
      FromAddress.Answer answer = basic(client, user, password);
      if (answer.status() == 401) {
        assertThat(answer.header("WWW-Authenticate")).startsWith("Basic");
      }
      return answer;
    });
    assertThat(basic(new FromAddress(ATTACKER, port), "demo-security", "demo-security").status())
        .as("another account from the attacker's address").isEqualTo(200);
    assertAlertedOnce(member);
  }

  @Test
  @DisplayName("no way around the throttle: the engine API's identity/verify checks no password, for anyone")
  void noPasswordOracle() {
    String victim = member("throttle-oracle");
    FromAddress admin = new FromAddress(MEMBER, port);
    int engineAttempts = engineAttempts(victim);
    String guess = "{\"username\": \"" + victim + "\", \"password\": \"" + WRONG + "\"}";
    for (String path : List.of("/engine-rest/identity/verify", "/engine-rest/identity/verify/")) {
      assertThat(admin.send("POST", path, Map.of("Authorization", basicAuthorization("demo-admin", "demo-admin"),
          "Content-Type", "application/json"), guess).status()).as(path).isEqualTo(403);
    }
    Map<String, String> session = new HashMap<>();
    assertThat(webappLogin(admin, "demo-admin", "demo-admin", session).status()).isEqualTo(200);
    assertThat(admin.send("POST", "/camunda/api/engine/engine/default/identity/verify", Map.of(
        "Cookie", cookieHeader(session),
        "X-XSRF-TOKEN", session.get("XSRF-TOKEN"),
        "Content-Type", "application/json"), guess).status()).isEqualTo(403);
    assertThat(engineAttempts(victim)).as("no password checked").isEqualTo(engineAttempts);
  }

  private void attackWhileMemberLogsIn(String member, Login login) {
    FromAddress attacker = new FromAddress(ATTACKER, port);
    FromAddress owner = new FromAddress(MEMBER, port);
    assertThat(login.attempt(owner, member, password(member)).status()).isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      assertThat(login.attempt(attacker, member, WRONG).status()).as("failure " + (i + 1)).isEqualTo(401);
      assertThat(login.attempt(owner, member, password(member)).status()).as("the member meanwhile").isEqualTo(200);
    }
    int engineAttempts = engineAttempts(member);
    for (int i = 0; i < 10; i++) {
      assertThrottled(login.attempt(attacker, member, WRONG));
    }
    assertThrottled(login.attempt(attacker, member, password(member)));
    assertThat(engineAttempts(member)).as("no password checked for a throttled login").isEqualTo(engineAttempts);
    assertThat(login.attempt(owner, member, password(member)).status()).as("the member after").isEqualTo(200);
  }

  private static void assertThrottled(FromAddress.Answer answer) {
    assertThat(answer.status()).isEqualTo(429);
    assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 180L);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.body()).contains("\"status\":429").doesNotContain(WRONG);
  }

  /** One alert process, one row in the ledger, one mail to the team: never the password tried. */
  private void assertAlertedOnce(String member) {
    List<ProcessInstance> alerts = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(LoginAlertVariables.PROCESS_KEY).processInstanceBusinessKey(member).list();
    assertThat(alerts).hasSize(1);
    assertThat(ledgerAlerts(member)).as("nothing sent on the request thread").isEmpty();
    managementService.createJobQuery().processInstanceId(alerts.get(0).getId()).list()
        .forEach(job -> managementService.executeJob(job.getId()));

    List<Notification> rows = ledgerAlerts(member);
    assertThat(rows).hasSize(1);
    Notification alert = rows.get(0);
    assertThat(alert.status()).isEqualTo(NotificationStatus.SENT);
    assertThat(alert.recipients()).contains(member + "@example.org");
    assertThat(alert.subject()).contains(member);
    assertThat(alert.body()).contains(ATTACKER).doesNotContain(WRONG).doesNotContain(password(member));

    await().atMost(Duration.ofSeconds(10)).until(() -> mails(member).size() == 1);
    assertThat(GreenMailUtil.getBody(mails(member).get(0))).doesNotContain(WRONG).doesNotContain(password(member));
  }

  private List<Notification> ledgerAlerts(String member) {
    return ledger.findByCase(member).stream().filter(row -> row.kind() == NotificationKind.LOGIN_ATTACK_ALERT).toList();
  }

  /** The alert mails about the member, one per Message-ID (GreenMail keeps one copy per recipient). */
  private static List<MimeMessage> mails(String member) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(mail -> TestSmtp.subject(mail).equals("Login attack on account " + member))
        .filter(mail -> Arrays.asList(TestSmtp.recipients(mail)).contains(member + "@example.org"))
        .collect(Collectors.toMap(LoginThrottleIT::messageId, mail -> mail, (one, copy) -> one))
        .values().stream().toList();
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String member(String id) {
    User user = identityService.newUser(id);
    user.setEmail(id + "@example.org");
    user.setPassword(password(id));
    identityService.saveUser(user);
    identityService.createMembership(id, Groups.SECURITY_TEAM);
    members.add(id);
    return id;
  }

  private static String password(String member) {
    return "Pw-" + member + "-7781";
  }

  private int engineAttempts(String member) {
    return jdbc.sql("select coalesce(ATTEMPTS_, 0) from ACT_ID_USER where ID_ = :id").param("id", member).query(Integer.class)
        .single();
  }

  private static FromAddress.Answer basic(FromAddress client, String user, String password) {
    return client.send("GET", "/engine-rest/task", Map.of("Authorization", basicAuthorization(user, password)), null);
  }

  private static String basicAuthorization(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** As the Tasklist does: a page for the session and XSRF cookies, then the login form with the token. */
  private static FromAddress.Answer webappLogin(FromAddress client, String user, String password) {
    return webappLogin(client, user, password, new HashMap<>());
  }

  /** @param cookies the session's cookies, kept up to date for the requests after the login */
  private static FromAddress.Answer webappLogin(FromAddress client, String user, String password,
      Map<String, String> cookies) {
    keep(client.send("GET", "/camunda/app/tasklist/default/", Map.of(), null), cookies);
    return keep(client.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", Map.of(
        "Cookie", cookieHeader(cookies),
        "X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"),
        "Content-Type", "application/x-www-form-urlencoded"),
        "username=" + user + "&password=" + password), cookies);
  }

  private static FromAddress.Answer keep(FromAddress.Answer answer, Map<String, String> cookies) {
    for (String cookie : answer.headers().getOrDefault("set-cookie", List.of())) {
      String pair = cookie.split(";")[0];
      cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    return answer;
  }

  private static String cookieHeader(Map<String, String> cookies) {
    return cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
        .collect(Collectors.joining("; "));
  }
}
