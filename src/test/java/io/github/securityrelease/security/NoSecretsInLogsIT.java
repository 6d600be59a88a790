package io.github.securityrelease.security;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestForge;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.inbox.Inbox;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Passwords (the inbox's too), API tokens, the webhook's secret and mail bodies, sent and read,
 * never reach the log, even with the service's and Spring's DEBUG on.
 */
@OrchestratorIntegrationTest
@TestPropertySource(properties = {
    "logging.level.io.github.securityrelease=DEBUG",
    "logging.level.org.springframework.security=DEBUG",
    "logging.level.org.springframework.mail=DEBUG",
    "logging.level.org.camunda.bpm.webapp=DEBUG",
    "logging.level.org.camunda.bpm.engine.rest=DEBUG",
    "security-release.inbox.password=" + NoSecretsInLogsIT.INBOX_PASSWORD})
@Tag(OrchestratorIntegrationTest.OWN_JVM)
@DirtiesContext // closed after the class: the next IT of OwnContextsOnH2 starts its own
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInLogsIT {

  static final String PASSWORD = "Pw-Marmot-4471-Secret";
  static final String WRONG_PASSWORD = "Pw-Ocelot-9902-Wrong";
  static final String REPORT_TEXT = "Body-Quokka-5519: the token is in the controller log.";
  static final String ACKNOWLEDGEMENT = "Body-Wombat-8842: thank you, we are reproducing it now.";
  /** The inbox's password (GreenMail's IMAP takes any password for the mailbox's user). */
  static final String INBOX_PASSWORD = "Pw-Heron-3318-Inbox";
  static final String MAILED_REPORT = "Body-Heron-6604: the mailed report's text.";
  /** A ping's body: the webhook logs neither it nor its secret. */
  static final String WEBHOOK_BODY = "{\"zen\":\"Body-Puffin-2207\",\"hook_id\":1}";

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.serverWithInbox();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired IdentityService identityService;
  @Autowired Inbox inbox;
  @LocalServerPort int port;

  @AfterEach
  void unlock() {
    identityService.unlockUser("demo-security"); // Camunda delays the next login after a wrong password
  }

  @Test
  @DisplayName("passwords tried and mail bodies sent are nowhere in the log")
  void neitherPasswordsNorBodiesAreLogged(CapturedOutput log) throws Exception {
    User user = identityService.newUser("log-probe");
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    assertThat(http.withBasicAuth("log-probe", PASSWORD).getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("demo-security", WRONG_PASSWORD).getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    identityService.unlockUser("demo-security");
    webappLogin("log-probe", PASSWORD);
    webappLogin("demo-security", WRONG_PASSWORD);
    identityService.unlockUser("demo-security");
    String token = apiToken("log-probe");

    Map<String, Object> report = new HashMap<>(report("Token in the controller log", "ada@example.net"));
    report.put("whatHappened", REPORT_TEXT);
    String caseId = (String) post(http, report).getBody().get("caseId");
    cases.runDueJobs(caseId);
    TestCases.assertCompleted(cases.submit(http, "demo-security", caseId, "Task_AcknowledgeReport",
        Map.of("acknowledgementMessage", ACKNOWLEDGEMENT)));

    // the inbox logs in to IMAP with its password and reads a mailed report
    GreenMailUtil.sendTextEmail(TestSmtp.INBOX_ADDRESS, "ada@example.net", "Mailed to the security address",
        MAILED_REPORT, smtp.getSmtp().getServerSetup());
    assertThat(inbox.poll().cases()).isEqualTo(1);

    // a webhook delivery signed with the secret, and one signed with another
    assertThat(webhookDelivery(TestForge.signature(WEBHOOK_BODY.getBytes(StandardCharsets.UTF_8)))).isEqualTo(200);
    assertThat(webhookDelivery(TestForge.signature("Whs-Wrong-0000", WEBHOOK_BODY.getBytes(StandardCharsets.UTF_8)))).isEqualTo(401);

    assertThat(smtp.getReceivedMessages()).extracting(GreenMailUtil::getBody).anyMatch(body -> body.contains(ACKNOWLEDGEMENT));
    assertThat(log.getAll()).as("the log is captured")
        .contains("REPORT_RECEIPT of " + caseId + " sent", "ACKNOWLEDGEMENT of " + caseId + " sent", "read from the inbox")
        .doesNotContain(PASSWORD, WRONG_PASSWORD, REPORT_TEXT, ACKNOWLEDGEMENT, "Body-Quokka", "Body-Wombat")
        .doesNotContain(INBOX_PASSWORD, "Pw-Heron", MAILED_REPORT, "Body-Heron")
        .contains("Refused a GitHub webhook delivery")
        .doesNotContain(TestForge.WEBHOOK_SECRET, "Whs-Narwhal", "Body-Puffin")
        .doesNotContain(token, token.substring(4, 24));
  }

  /** A token created by {@code user}, used within its scope, beyond it, and revoked then used. */
  private String apiToken(String user) {
    TestRestTemplate as = http.withBasicAuth(user, PASSWORD);
    ResponseEntity<Map> created = as.postForEntity("/api/v1/tokens",
        Map.of("name", "log probe", "scopes", List.of("read"), "days", 1), Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String token = (String) created.getBody().get("token");
    assertThat(bearer(token, HttpMethod.GET, "/engine-rest/task")).isEqualTo(HttpStatus.OK);
    assertThat(bearer(token, HttpMethod.POST, "/engine-rest/message")).isEqualTo(HttpStatus.FORBIDDEN);
    as.delete("/api/v1/tokens/" + created.getBody().get("id"));
    assertThat(bearer(token, HttpMethod.GET, "/engine-rest/task")).isEqualTo(HttpStatus.UNAUTHORIZED);
    return token;
  }

  private HttpStatusCode bearer(String token, HttpMethod method, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return http.exchange(path, method, new HttpEntity<>(headers), String.class).getStatusCode();
  }

  private int webhookDelivery(String signature) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/github"))
        .header("Content-Type", "application/json")
        .header("X-GitHub-Event", "ping")
        .header("X-GitHub-Delivery", UUID.randomUUID().toString())
        .header("X-Hub-Signature-256", signature)
        .POST(BodyPublishers.ofString(WEBHOOK_BODY)).build(), BodyHandlers.discarding()).statusCode();
  }

  private void webappLogin(String user, String password) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://localhost:" + port;
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
        BodyHandlers.discarding());
    String token = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(BodyPublishers.ofString("username=" + user + "&password=" + password))
        .build(), BodyHandlers.discarding());
  }
}
