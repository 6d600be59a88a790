package io.github.securityrelease.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestSmtp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI description of /api/v1 and its Swagger UI: for logged-in users only. */
@OrchestratorIntegrationTest
class ApiDescriptionIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @LocalServerPort int port;

  private final HttpClient client = HttpClient.newHttpClient();

  @ParameterizedTest(name = "{0} needs a login")
  @ValueSource(strings = {"/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html", "/swagger-ui/index.html",
      "/swagger-ui/swagger-initializer.js"})
  void needsLogin(String path) throws Exception {
    HttpResponse<String> answer = get(path, null);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Security Release Orchestrator\"");
    assertThat(answer.body()).doesNotContain("\"paths\"", "\"openapi\"", "SwaggerUIBundle", "configUrl");
  }

  @Test
  @DisplayName("the description documents /api/v1 only, with its title, version and HTTP Basic; the intake is open")
  void documentsTheApi() throws Exception {
    HttpResponse<String> answer = get("/v3/api-docs", "demo-associate");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode api = new ObjectMapper().readTree(answer.body());
    assertThat(api.path("openapi").asText()).startsWith("3.");
    assertThat(api.path("info").path("title").asText()).isEqualTo("Security Release Orchestrator API");
    assertThat(api.path("info").path("version").asText()).isEqualTo("v1");
    assertThat(api.path("info").path("description").asText()).contains("HTTP Basic");
    List<String> paths = new ArrayList<>();
    api.path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).contains("/api/v1/reports", "/api/v1/cases/{caseId}", "/api/v1/cases/{caseId}/disclosure-plan",
        "/api/v1/cases/{caseId}/notifications", "/api/v1/distributors", "/api/v1/cvss",
        "/api/v1/distributor-applications", "/api/v1/distributors/{id}/leaks", "/api/v1/distributors/{id}/removal-proposals",
        "/api/v1/team/nominations", "/api/v1/team/members/{userId}/step-down")
        .allMatch(path -> path.startsWith("/api/v1/"));
    assertThat(api.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText()).isEqualTo("basic");
    assertThat(api.path("security").toString()).contains("basicAuth");
    JsonNode report = api.path("paths").path("/api/v1/reports").path("post");
    assertThat(report.path("security").isArray() && report.path("security").isEmpty())
        .as("the report intake needs no login: " + report.path("security")).isTrue();
    JsonNode application = api.path("paths").path("/api/v1/distributor-applications").path("post");
    assertThat(application.path("security").isArray() && application.path("security").isEmpty())
        .as("R25 anyone may apply: " + application.path("security")).isTrue();
    JsonNode caseState = api.path("paths").path("/api/v1/cases/{caseId}").path("get");
    assertThat(caseState.path("summary").asText()).contains("state of a case");
    assertThat(caseState.path("parameters").toString()).contains("caseId").doesNotContain("caller", "authorities");
  }

  @Test
  @DisplayName("the Swagger UI is served to a logged-in user, its own files only, under a strict policy")
  void swaggerUi() throws Exception {
    HttpResponse<String> redirect = get("/swagger-ui.html", "demo-associate");
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/swagger-ui/index.html"));

    HttpResponse<String> page = get("/swagger-ui/index.html", "demo-associate");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui-bundle.js", "swagger-initializer.js").doesNotContain("<script>");
    assertThat(page.headers().allValues("Content-Security-Policy")).singleElement().satisfies(policy ->
        assertThat(policy).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
            .doesNotContain("unsafe-inline", "unsafe-eval"));
    assertThat(page.headers().allValues("X-Frame-Options")).containsExactly("DENY");

    HttpResponse<String> initializer = get("/swagger-ui/swagger-initializer.js", "demo-associate");
    assertThat(initializer.statusCode()).isEqualTo(200);
    assertThat(initializer.body()).contains("/v3/api-docs");
    HttpResponse<String> config = get("/v3/api-docs/swagger-config", "demo-associate");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains("/v3/api-docs");
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()));
    }
    return client.send(request.build(), BodyHandlers.ofString());
  }
}
