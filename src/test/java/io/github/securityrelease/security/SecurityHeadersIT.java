package io.github.securityrelease.security;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The headers of every answer, and the webapps' CSRF protection (issue 5). */
@OrchestratorIntegrationTest
class SecurityHeadersIT {

  static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
  static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; img-src 'self' data:; "
      + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestCases cases;
  @Autowired TaskService taskService;
  @Autowired TestRestTemplate http;
  @LocalServerPort int port;

  private final HttpClient client = HttpClient.newHttpClient();

  @ParameterizedTest(name = "{0} {1} as {2} -> {3}, CSP for {4}")
  @CsvSource({
      "GET,  /report,                 , 200, page",
      "GET,  /report.html,            , 200, page",
      "GET,  /report.js,              , 200, page",
      "GET,  /report.css,             , 200, page",
      "POST, /api/v1/reports,         , 400, api",
      "GET,  /api/v1/cases/SEC-1999-0001, , 401, api",
      "GET,  /api/v1/cases/SEC-1999-0001, demo-security, 404, api",
      "GET,  /actuator/health,        , 200, api",
      "GET,  /engine-rest/task,       , 401, api",
      "GET,  /engine-rest/task,       demo-security, 200, api",
      "GET,  /actuator/prometheus,    , 401, api",
      "GET,  /actuator/prometheus,    demo-manager, 200, api",
      "GET,  /v3/api-docs,            , 401, api",
      "GET,  /v3/api-docs,            demo-associate, 200, api",
      "GET,  /swagger-ui/index.html,  , 401, swagger",
      "GET,  /swagger-ui/index.html,  demo-associate, 200, swagger",
      "GET,  /swagger-ui/swagger-ui-bundle.js, demo-associate, 200, swagger"})
  void ownAnswersCarryStrictHeaders(String method, String path, String user, int status, String kind) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .method(method, method.equals("POST") ? BodyPublishers.ofString("{}") : BodyPublishers.noBody())
        .header("Content-Type", "application/json");
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()));
    }
    HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(all(response, "Content-Security-Policy")).containsExactly(switch (kind) {
      case "page" -> PAGE_POLICY;
      case "swagger" -> SWAGGER_UI_POLICY;
      default -> API_POLICY;
    });
    assertThat(all(response, "X-Frame-Options")).containsExactly("DENY");
    assertThat(all(response, "X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(all(response, "Referrer-Policy")).containsExactly("no-referrer");
  }

  @ParameterizedTest(name = "{0} keeps Camunda''s own Content-Security-Policy, one, with frame and sniffing protection")
  @CsvSource({"/camunda/app/tasklist/", "/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
      "/camunda/app/admin/default/"})
  void webappsKeepTheirOwnPolicy(String path) throws Exception {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri(path)).build(), BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    List<String> policies = all(response, "Content-Security-Policy");
    assertThat(policies).hasSize(1);
    assertThat(policies.get(0)).as("Camunda's policy, with a nonce for its scripts")
        .contains("'nonce-", "frame-ancestors 'none'").isNotEqualTo(PAGE_POLICY);
    assertThat(all(response, "X-Frame-Options")).containsExactly("DENY");
    assertThat(all(response, "X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(all(response, "Referrer-Policy")).containsExactly("same-origin");
  }

  @Test
  @DisplayName("a state-changing Tasklist call without the CSRF token is refused and ends the session; with the token it succeeds")
  void webappsCheckCsrfTokens() throws Exception {
    String caseId = (String) post(http, report("CSRF case", "ada@example.net")).getBody().get("caseId");
    cases.runDueJobs(caseId);
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult().getId();
    String taskApi = "/camunda/api/engine/engine/default/task/" + taskId;
    HttpRequest.Builder claim = HttpRequest.newBuilder(uri(taskApi + "/claim"))
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString("{\"userId\":\"demo-security\"}"));

    HttpClient forged = loggedInToTasklist(taskApi);
    assertThat(forged.send(claim.build(), BodyHandlers.discarding()).statusCode()).as("without the token").isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    assertThat(forged.send(HttpRequest.newBuilder(uri(taskApi + "/form")).build(), BodyHandlers.discarding())
        .statusCode()).as("Camunda ends the session of a refused request").isEqualTo(401);

    HttpClient browser = loggedInToTasklist(taskApi);
    claim.header("X-XSRF-TOKEN", token(browser));
    assertThat(browser.send(claim.build(), BodyHandlers.discarding()).statusCode()).as("with the token").isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("demo-security");
  }

  /** As a browser does: page, login with the page's token, then a read that hands out the session's token. */
  private HttpClient loggedInToTasklist(String taskApi) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).build(), BodyHandlers.discarding());
    HttpResponse<Void> login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token(browser))
        .POST(BodyPublishers.ofString("username=demo-security&password=demo-security"))
        .build(), BodyHandlers.discarding());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(browser.send(HttpRequest.newBuilder(uri(taskApi + "/form")).build(), BodyHandlers.discarding())
        .statusCode()).isEqualTo(200);
    return browser;
  }

  private static String token(HttpClient browser) {
    return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
  }

  private static List<String> all(HttpResponse<?> response, String header) {
    return response.headers().allValues(header);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
