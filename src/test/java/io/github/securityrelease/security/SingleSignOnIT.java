package io.github.securityrelease.security;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.browser.Browser;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a working OpenID Connect provider in the test's JVM
 * (mock-oauth2-server): its bearer tokens on the APIs, the webapps sending the browser to it.
 * Once a build, on PostgreSQL when the ITs have it: nothing of it depends on the database but
 * the audit rows, and the suite on H2 has the other browser ITs.
 */
@OrchestratorIntegrationTest
@Tag(OrchestratorIntegrationTest.OWN_JVM)
@EnabledIf(value = "io.github.securityrelease.TestDatabase#onceABuild",
    disabledReason = "once a build: on PostgreSQL when the ITs have it, on H2 otherwise")
@DirtiesContext // closed after the class: the next IT of OwnContextsOnH2 starts its own
class SingleSignOnIT {

  static final String ISSUER = "sso-it";
  static final String CLIENT_ID = "security-release-orchestrator";
  static final String CLIENT_SECRET = "sso-it-secret-" + java.util.UUID.randomUUID();
  /** With its sign-in page (interactive login), for the browser; the API tests take tokens from it directly. */
  static final MockOAuth2Server PROVIDER = new MockOAuth2Server(new OAuth2Config(true));
  /** Not the default (PT8H), so that {@link InBrowser} sees the setting applied. */
  static final Duration SESSION_TIMEOUT = Duration.ofMinutes(45);
  static final String BREAK_GLASS_PASSWORD = "Break-Glass-Pw-4471";

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry properties) {
    PROVIDER.start();
    properties.add("security-release.sso.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER).toString());
    properties.add("security-release.sso.client-id", () -> CLIENT_ID);
    properties.add("security-release.sso.client-secret", () -> CLIENT_SECRET);
    properties.add("security-release.sso.session-timeout", SESSION_TIMEOUT::toString);
    // the break-glass account, security-release.sso.break-glass-account's default
    properties.add("security-release.security.admin-password", () -> BREAK_GLASS_PASSWORD);
  }

  @AfterAll
  static void stopProvider() {
    PROVIDER.shutdown();
  }

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  String caseId;

  @BeforeEach
  void reportCase() {
    caseId = (String) post(http, report("Single sign-on case", "ada@example.net")).getBody().get("caseId");
    cases.runDueJobs(caseId);
  }

  @Test
  @DisplayName("R27 a bearer token of the provider is the Camunda user of its user ID claim, with that user's groups")
  void knownMember() {
    String token = token("demo-security", CLIENT_ID);
    assertThat(get(token, "/api/v1/cases/" + caseId).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(token, "/engine-rest/task?processInstanceBusinessKey=" + caseId).getBody())
        .contains("Acknowledge report");
    assertThat(get(token("demo-manager", CLIENT_ID), "/api/v1/cases/" + caseId + "/notifications").getStatusCode())
        .as("the manager's groups, not more").isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  @DisplayName("R21 a user the provider knows and the service does not gets nothing: 403 and empty lists")
  void unknownUser() {
    String token = token("stranger-" + System.nanoTime(), CLIENT_ID);
    assertThat(get(token, "/api/v1/cases/" + caseId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(token, "/engine-rest/task?processInstanceBusinessKey=" + caseId).getBody()).isEqualTo("[]");
    assertThat(get(token, "/engine-rest/process-instance?businessKey=" + caseId).getBody()).isEqualTo("[]");
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    assertThat(http.exchange("/api/v1/tokens", HttpMethod.POST, new HttpEntity<>(
        Map.of("name", "for later", "scopes", List.of("read"), "days", 7), headers), String.class).getStatusCode())
        .as("a personal token kept until an admin adds the user").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(token, "/api/v1/tokens").getBody()).isEqualTo("[]");
  }

  @Test
  @DisplayName("a token the provider gave another client, or that no provider signed, is refused: 401")
  void foreignTokens() {
    assertThat(get(token("demo-security", "another-client"), "/api/v1/cases/" + caseId).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    String forged = token("demo-security", CLIENT_ID);
    forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA";
    assertThat(get(forged, "/api/v1/cases/" + caseId).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @DisplayName("with single sign-on a person's password is refused as a wrong one, never checked, and on record")
  void passwordsRefused() {
    int attempts = engineAttempts("demo-security");
    ResponseEntity<String> basic = http.withBasicAuth("demo-security", "demo-security")
        .getForEntity("/api/v1/cases/" + caseId, String.class);
    ResponseEntity<String> wrong = http.withBasicAuth("demo-security", "not-the-password")
        .getForEntity("/api/v1/cases/" + caseId, String.class);
    assertThat(basic.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(basic.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).as("the answer of a wrong password")
        .isEqualTo(wrong.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE));
    HttpHeaders form = new HttpHeaders();
    form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> webapp = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
        new HttpEntity<>("username=demo-security&password=demo-security", form), String.class);
    assertThat(webapp.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(engineAttempts("demo-security")).as("no password checked but the wrong one").isEqualTo(attempts);
    assertThat(audit()).filteredOn(row -> "LOGIN_FAILED".equals(row.get("action"))
        && "demo-security".equals(row.get("subject"))).hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(row -> assertThat(row.get("actor")).isNull());
  }

  @Test
  @DisplayName("the break-glass account's password works, is on record, and alerts the team once per address and window")
  void breakGlass() throws Exception {
    TestRestTemplate admin = http.withBasicAuth("admin", BREAK_GLASS_PASSWORD);
    for (int i = 0; i < 3; i++) {
      assertThat(admin.getForEntity("/engine-rest/user?id=admin", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    List<ProcessInstance> alerts = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(LoginAlertVariables.PROCESS_KEY).processInstanceBusinessKey("admin").list();
    assertThat(alerts).as("one use: the requests of one address within the window").hasSize(1);
    assertThat(breakGlassMails()).as("nothing sent on the request thread").isEmpty();
    managementService.createJobQuery().processInstanceId(alerts.get(0).getId()).list()
        .forEach(job -> managementService.executeJob(job.getId()));
    await().atMost(Duration.ofSeconds(10)).until(() -> !breakGlassMails().isEmpty());
    MimeMessage mail = breakGlassMails().get(0);
    assertThat(TestSmtp.recipients(mail)).contains("demo-security@example.org");
    assertThat(GreenMailUtil.getBody(mail)).contains("HTTP Basic").doesNotContain(BREAK_GLASS_PASSWORD);

    List<Map<String, Object>> rows = audit();
    assertThat(rows).filteredOn(row -> "admin".equals(row.get("actor")) && "LOGIN".equals(row.get("action")))
        .as("HTTP Basic once a day").hasSize(1);
    assertThat(rows).filteredOn(row -> "admin".equals(row.get("actor")) && "BREAK_GLASS".equals(row.get("action")))
        .hasSize(1);
    assertThat(rows.toString()).doesNotContain(BREAK_GLASS_PASSWORD);
  }

  @Test
  @DisplayName("R27 the audit log is the security team's: managers read no one's")
  void auditForTeamOnly() {
    assertThat(get(token("demo-manager", CLIENT_ID), "/api/v1/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(token("demo-security", CLIENT_ID), "/api/v1/audit").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  @DisplayName("sign-ins at the provider are on record: a member's, a stranger's as failed, a broken one as failed")
  void signInsOnRecord() throws Exception {
    assertThat(signIn("demo-associate").statusCode()).isEqualTo(200);
    String stranger = "stranger-" + System.nanoTime();
    signIn(stranger);
    ResponseEntity<String> broken = http.withRedirects(Redirects.DONT_FOLLOW)
        .getForEntity("/login/oauth2/code/sso?code=forged&state=forged", String.class);
    assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(broken.getBody()).contains("Sign-in failed", "authorization_request_not_found", "Try again");

    List<Map<String, Object>> rows = audit();
    assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("actor", "demo-associate")
        .containsEntry("action", "LOGIN").containsEntry("subject", "single sign-on"));
    assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("action", "LOGIN_FAILED")
        .containsEntry("subject", stranger));
    assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("action", "LOGIN_FAILED")
        .containsEntry("subject", "sso: authorization_request_not_found"));
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  @DisplayName("neither the client secret nor a provider's token is in the log, though a sign-in sends the one and a call the other")
  void noSecretsInTheLog(CapturedOutput log) throws Exception {
    assertThat(signIn("demo-associate").statusCode()).isEqualTo(200);
    String token = token("demo-security", CLIENT_ID);
    get(token, "/api/v1/cases/" + caseId);
    get(token.substring(0, token.lastIndexOf('.') + 1) + "AAAA", "/api/v1/cases/" + caseId);
    assertThat(log.getAll()).doesNotContain(CLIENT_SECRET, token, token.substring(token.lastIndexOf('.') + 1));
  }

  @Test
  @DisplayName("the Swagger UI signs in through the provider too, and its API description reads that session")
  void swaggerUiThroughTheProvider() throws Exception {
    ResponseEntity<String> unsigned = http.withRedirects(Redirects.DONT_FOLLOW).getForEntity("/swagger-ui/index.html",
        String.class);
    assertThat(unsigned.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(unsigned.getHeaders().getLocation().getPath()).isEqualTo("/oauth2/authorization/sso");
    assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    HttpClient browser = browser();
    assertThat(signIn(browser, "demo-associate").statusCode()).isEqualTo(200);
    java.net.http.HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/swagger-ui/index.html")).build(), BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
    java.net.http.HttpResponse<String> description = browser.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/v3/api-docs")).build(), BodyHandlers.ofString());
    assertThat(description.statusCode()).isEqualTo(200);
    assertThat(description.body()).contains("\"openapi\"");
    java.net.http.HttpResponse<String> cases = browser.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/api/v1/cases/" + caseId)).build(), BodyHandlers.ofString());
    assertThat(cases.statusCode()).as("the session reaches the API description alone").isEqualTo(401);
  }

  @Test
  @DisplayName("another site's form signs no one out; the service's own sign-out does")
  void logoutFromThisSiteOnly() throws Exception {
    HttpClient browser = browser();
    assertThat(signIn(browser, "demo-associate").statusCode()).isEqualTo(200);
    URI account = URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default");
    assertThat(browser.send(HttpRequest.newBuilder(account).build(), BodyHandlers.ofString()).body())
        .contains("\"userId\":\"demo-associate\"");

    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout"))
        .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.ofString());
    assertThat(browser.send(HttpRequest.newBuilder(account).build(), BodyHandlers.ofString()).body())
        .as("still signed in").contains("\"userId\":\"demo-associate\"");

    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout"))
        .header("Sec-Fetch-Site", "same-origin").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.ofString());
    assertThat(browser.send(HttpRequest.newBuilder(account).build(), BodyHandlers.ofString()).statusCode())
        .as("signed out").isEqualTo(401);
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.ALWAYS).build();
  }

  /** A browser through the provider's sign-in page (interactive login: its form posts back to its address), back to Tasklist. */
  private java.net.http.HttpResponse<String> signIn(String userId) throws Exception {
    return signIn(browser(), userId);
  }

  private java.net.http.HttpResponse<String> signIn(HttpClient browser, String userId) throws Exception {
    java.net.http.HttpResponse<String> signInPage = browser.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).build(), BodyHandlers.ofString());
    String form = "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "&claims="
        + URLEncoder.encode("{\"preferred_username\": \"" + userId + "\"}", StandardCharsets.UTF_8);
    return browser.send(HttpRequest.newBuilder(signInPage.uri()).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), BodyHandlers.ofString());
  }

  private List<Map<String, Object>> audit() {
    return get(token("demo-security", CLIENT_ID), "/api/v1/audit", List.class).getBody();
  }

  private List<MimeMessage> breakGlassMails() {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(mail -> TestSmtp.subject(mail).equals("Break-glass sign-in as admin")).toList();
  }

  private int engineAttempts(String user) {
    return jdbc.sql("select coalesce(ATTEMPTS_, 0) from ACT_ID_USER where ID_ = :id").param("id", user)
        .query(Integer.class).single();
  }

  @Test
  @DisplayName("a webapp page sends the browser to the provider's sign-in; a webapp API call answers 401")
  void webappsSignInAtProvider() {
    TestRestTemplate browser = http.withRedirects(Redirects.DONT_FOLLOW);
    ResponseEntity<String> page = browser.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(page.getHeaders().getLocation().getPath()).isEqualTo("/oauth2/authorization/sso");
    ResponseEntity<String> start = browser.getForEntity("/oauth2/authorization/sso", String.class);
    assertThat(start.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(start.getHeaders().getLocation().toString()).startsWith(PROVIDER.authorizationEndpointUrl(ISSUER).toString())
        .contains("client_id=" + CLIENT_ID);
    assertThat(http.getForEntity("/camunda/api/engine/engine/default/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @DisplayName("a member signed in with the provider's token makes a personal token, which the provider's check leaves alone")
  void personalTokensBeside() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token("demo-security", CLIENT_ID));
    ResponseEntity<Map> created = http.exchange("/api/v1/tokens", HttpMethod.POST, new HttpEntity<>(
        Map.of("name", "sso script", "scopes", List.of("read"), "days", 7), headers), Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String personal = (String) created.getBody().get("token");
    assertThat(personal).startsWith("sro_");
    assertThat(get(personal, "/api/v1/cases/" + caseId).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("sro_" + "A".repeat(43), "/api/v1/cases/" + caseId).getStatusCode())
        .as("an unknown personal token").isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private String token(String userId, String audience) {
    return PROVIDER.issueToken(ISSUER, userId, audience, Map.of("preferred_username", userId)).serialize();
  }

  private ResponseEntity<String> get(String token, String path) {
    return get(token, path, String.class);
  }

  private <T> ResponseEntity<T> get(String token, String path, Class<T> type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
  }

  /**
   * The webapps in a real browser, signed in through the provider's sign-in page: a nested class,
   * so that it shares this class's Spring context (an own context costs some 30 s) and runs
   * before {@code @DirtiesContext} closes it; on the class's database, so not tagged
   * {@value OrchestratorIntegrationTest#BROWSER}, which keeps the other browser ITs on H2.
   */
  @Nested
  class InBrowser {

    private static final By ACCOUNT_MENU = By.cssSelector("[cam-widget-header] li.account > a");
    private static final By GROUP_TASKS = By.xpath("//div[contains(@class, 'task-filter')]"
        + "/h4[@uib-tooltip = 'Tasks my groups may claim']/a");
    private static final By COMPLETE =
        By.xpath("//div[contains(@class, 'form-actions')]/button[normalize-space(.) = 'Complete']");

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ServletWebServerApplicationContext context;

    /** Each test signs in afresh (the provider's mock keeps no session of its own). */
    @BeforeEach
    void signedOut() {
      browser.open(base() + "/report.html");
      browser.driver().manage().deleteAllCookies();
    }

    @Test
    @DisplayName("R2 a team member signs in to Tasklist through the provider, acknowledges a report, makes a token on the token page, and Tasklist opens again in the same session")
    void signInAndCompleteTask() {
      signIn("/camunda/app/tasklist/default/", "demo-security", "Demo Security", "30-sso-provider-sign-in");
      assertThat(Duration.ofSeconds(session().getMaxInactiveInterval())).as("security-release.sso.session-timeout")
          .isEqualTo(SESSION_TIMEOUT);

      Task acknowledge = taskService.createTaskQuery().processInstanceBusinessKey(caseId)
          .taskDefinitionKey("Task_AcknowledgeReport").singleResult();
      browser.clickable(GROUP_TASKS).click();
      By card = By.cssSelector("ol.tasks-list li.task h4.task a[href='#/?task=" + acknowledge.getId() + "']");
      browser.until("the task " + acknowledge.getName() + " opens", driver -> {
        driver.findElement(card).click();
        return true;
      });
      browser.until("the form of the case", driver -> caseId.equals(field("Field_CaseId").getDomProperty("value")));
      browser.clickable(By.cssSelector(".task-details button.claim")).click();
      browser.gone(By.cssSelector("[cam-tasklist-form] .disabled-form"));
      browser.type(fieldLocator("Field_AcknowledgementMessage"), "Thank you, Ada. We are on it.");
      browser.screenshot("31-sso-tasklist-acknowledge");
      browser.uncovered(COMPLETE).click();
      browser.until("the task completed", driver -> taskService.createTaskQuery().taskId(acknowledge.getId()).count() == 0);
      cases.runDueJobs(caseId);
      assertThat(runtimeService.getVariables(cases.instance(caseId).getId()))
          .containsEntry("acknowledgedBy", "demo-security")
          .containsEntry("acknowledgementMessage", "Thank you, Ada. We are on it.");
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("Task_ValidateReport")
          .count()).as("the case moved on").isOne();

      // the service's own page, in the same signed-in session: a personal token for a script
      browser.open(base() + "/tokens");
      browser.type(By.id("name"), "sso script");
      browser.clickable(By.cssSelector("#create button[type=submit]")).click();
      String secret = browser.visible(By.id("secret")).getText();
      assertThat(secret).startsWith("sro_");
      browser.screenshot("38-sso-token-page");
      HttpHeaders headers = new HttpHeaders();
      headers.setBearerAuth(secret);
      assertThat(http.exchange("/api/v1/tokens", HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode())
          .as("a token makes and lists no tokens").isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(http.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode())
          .as("the member's token reads").isEqualTo(HttpStatus.OK);

      browser.open(base() + "/camunda/app/tasklist/default/");
      signedInAs("Demo Security");
    }

    @Test
    @DisplayName("R27 a manager signs in to Cockpit through the provider; when the session times out, the next call signs in there again")
    void cockpit() {
      signIn("/camunda/app/cockpit/default/", "demo-manager", "Demo Manager", "32-sso-provider-sign-in-manager");
      browser.screenshot("33-sso-cockpit-manager");

      // the session timed out: the webapp's next call answers 401, and the page goes to the provider, not to a password form
      session().expire();
      // a click makes the next call; Cockpit's own refresh may make it first, and be on its way already
      browser.until("the provider's sign-in page", driver -> {
        if (driver.getCurrentUrl().startsWith(providerSignIn())) {
          return true;
        }
        driver.findElements(By.cssSelector("[cam-widget-header] a[href='#/decisions']")).stream()
            .filter(WebElement::isDisplayed).findFirst().ifPresent(link -> {
              try {
                link.click();
              } catch (WebDriverException leaving) {
                // covered or gone: the page is on its way to the provider
              }
            });
        return false;
      });
    }

    @Test
    @DisplayName("R21 a user the provider knows and the service does not gets no Camunda app, and no loop of redirects")
    void unknownUser() {
      String stranger = "stranger-" + System.nanoTime();
      String tasklist = base() + "/camunda/app/tasklist/default/";
      browser.open(tasklist);
      signInAtProvider(stranger, "34-sso-provider-sign-in-stranger");
      browser.until("back at Tasklist", driver -> driver.getCurrentUrl().startsWith(tasklist));
      assertThat(browser.visible(By.tagName("body")).getText())
          .contains("You are signed in as " + stranger + ", but the Security Release Orchestrator has no user of that ID.");
      browser.screenshot("35-sso-tasklist-stranger");
      assertThat(browser.driver().getCurrentUrl()).as("no loop of redirects").startsWith(tasklist);
      assertThat(browser.driver().findElements(ACCOUNT_MENU)).isEmpty();
      assertThat(browser.script("""
          const call = new XMLHttpRequest();
          call.open('GET', '/camunda/api/engine/engine/default/task', false);
          call.send();
          return call.status;""")).as("no Camunda session: the webapps' engine API refuses").isEqualTo(401L);
    }

    @Test
    @DisplayName("logging out of a webapp ends the session: the next visit signs in at the provider again")
    void logout() {
      signIn("/camunda/app/tasklist/default/", "demo-security", "Demo Security", "36-sso-provider-sign-in-again");
      browser.clickable(ACCOUNT_MENU).click();
      browser.clickable(By.cssSelector("li.account li.logout a")).click();
      browser.until("the provider's sign-in page", driver -> driver.getCurrentUrl().startsWith(providerSignIn()));
      // the provider's record of the requests it had: its end-session among them (it throws after 5 s without)
      String providerPath;
      do {
        providerPath = PROVIDER.takeRequest(5, TimeUnit.SECONDS).getRequestUrl().encodedPath();
      } while (!providerPath.equals("/" + ISSUER + "/endsession"));
      browser.screenshot("37-sso-logged-out");
      browser.open(base() + "/camunda/app/tasklist/default/");
      browser.until("the provider's sign-in page", driver -> driver.getCurrentUrl().startsWith(providerSignIn()));
    }

    /** Opens a page, signs in at the provider, and is back at the page, signed in to Camunda. */
    private void signIn(String path, String user, String name, String screenshot) {
      String page = base() + path;
      browser.open(page);
      signInAtProvider(user, screenshot);
      browser.until("back at the page first asked for, " + path, driver -> driver.getCurrentUrl().startsWith(page));
      signedInAs(name);
    }

    private void signInAtProvider(String user, String screenshot) {
      browser.until("the provider's sign-in page", driver -> driver.getCurrentUrl().startsWith(providerSignIn()));
      browser.type(By.name("username"), user);
      browser.type(By.name("claims"), "{\"preferred_username\": \"" + user + "\"}");
      browser.screenshot(screenshot);
      browser.clickable(By.cssSelector("form input[type=submit]")).click();
    }

    private void signedInAs(String name) {
      browser.visible(By.xpath("//li[contains(@class, 'account')]/a[normalize-space(.) = '" + name + "']"));
    }

    private String providerSignIn() {
      return PROVIDER.authorizationEndpointUrl(ISSUER).toString();
    }

    /** The browser's session as Tomcat keeps it. */
    private Session session() {
      String id = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
      Context webapp = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
      try {
        return webapp.getManager().findSession(id);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private String base() {
      return "http://localhost:" + port;
    }

    private By fieldLocator(String fieldId) {
      return By.cssSelector(".fjs-container [id$='-" + fieldId + "']");
    }

    private WebElement field(String fieldId) {
      return browser.driver().findElement(fieldLocator(fieldId));
    }
  }

}
