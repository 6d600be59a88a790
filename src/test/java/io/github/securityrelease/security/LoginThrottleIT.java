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
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One address (127.0.0.1) hammers wrong passwords for a member while the member logs in from
 * another (127.0.0.2): the attacker is throttled, the member never, and the team hears of it once.
 */
@OrchestratorIntegrationTest
class LoginThrottleIT {

  private static final String ATTACKER = "127.0.0.1";
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
        .processDefinitionKey(LoginAlertProcess.PROCESS_KEY).processInstanceBusinessKey(member).list();
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
    return id;
  }

  private static String password(String member) {
    return "Pw-" + member + "-7781";
  }

  private int engineAttempts(String member) {
    return jdbc.sql("select ATTEMPTS_ from ACT_ID_USER where ID_ = :id").param("id", member).query(Integer.class)
        .single();
  }

  private static FromAddress.Answer basic(FromAddress client, String user, String password) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    return client.send("GET", "/engine-rest/task", Map.of("Authorization", "Basic " + credentials), null);
  }

  /** As the Tasklist does: a page for the session and XSRF cookies, then the login form with the token. */
  private static FromAddress.Answer webappLogin(FromAddress client, String user, String password) {
    FromAddress.Answer page = client.send("GET", "/camunda/app/tasklist/default/", Map.of(), null);
    Map<String, String> cookies = page.headers().getOrDefault("set-cookie", List.of()).stream()
        .map(cookie -> cookie.split(";")[0])
        .collect(Collectors.toMap(pair -> pair.substring(0, pair.indexOf('=')), pair -> pair.substring(pair.indexOf('=') + 1)));
    String cookieHeader = cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; "));
    return client.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", Map.of(
        "Cookie", cookieHeader,
        "X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"),
        "Content-Type", "application/x-www-form-urlencoded"),
        "username=" + user + "&password=" + password);
  }
}
