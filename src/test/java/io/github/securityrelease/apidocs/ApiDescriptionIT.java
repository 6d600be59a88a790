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
        "/api/v1/cases/{caseId}/notifications", "/api/v1/cases/{caseId}/forge-calls", "/api/v1/cases/{caseId}/cve-services-calls", "/api/v1/cases/{caseId}/release-assets", "/api/v1/distributors", "/api/v1/cvss",
        "/api/v1/distributor-applications", "/api/v1/distributors/{id}/leaks", "/api/v1/distributors/{id}/removal-proposals",
        "/api/v1/team/nominations", "/api/v1/team/members/{userId}/step-down", "/api/v1/tokens", "/api/v1/tokens/{id}",
        "/api/v1/audit")
        .allMatch(path -> path.startsWith("/api/v1/"));
    assertThat(api.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText()).isEqualTo("basic");
    assertThat(api.path("security").toString()).contains("basicAuth", "personalToken");
    assertThat(api.path("components").path("securitySchemes").path("personalToken").path("scheme").asText())
        .isEqualTo("bearer");
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

  @Test
  @DisplayName("the description is valid against the official OpenAPI 3.1 schema, its Schema Objects against JSON Schema 2020-12")
  void validDescription() throws Exception {
    ApiContract contract = contract();

    assertThat(contract.openApiErrors()).isEmpty();
    assertThat(contract.schemaObjectErrors()).isEmpty();
  }

  @Test
  @DisplayName("every pattern is an ECMA-262 regular expression, anchored as it means the whole value")
  void patternsAreEcma262() throws Exception {
    List<String> patterns = contract().patterns();

    assertThat(patterns).isNotEmpty();
    assertThat(ApiContract.notEcma262(patterns)).isEmpty();
    assertThat(patterns).allSatisfy(pattern -> assertThat(pattern).startsWith("^").endsWith("$"));
  }

  @Test
  @DisplayName("the ECMA-262 check refuses Java-only syntax: POSIX and Java classes, possessive quantifiers, inline flags, \\A \\z")
  void ecma262CheckBites() throws Exception {
    List<String> javaOnly = List.of("^[^\\p{Cntrl}]*$", "^\\p{javaLowerCase}+$", "^a++$", "^(?i)sec$", "\\Asec\\z",
        "^[^\\x{D800}]*$");

    assertThat(ApiContract.notEcma262(javaOnly)).hasSameSizeAs(javaOnly);
  }

  @Test
  @DisplayName("the real status codes: 201, 202 and 204 where answered and no 200 there, 4xx as problem+json, text/calendar")
  void realStatusCodes() throws Exception {
    JsonNode paths = contract().description().path("paths");

    assertThat(codes(paths, "/api/v1/reports", "post")).contains("201", "400", "413", "415", "429", "503").doesNotContain("200", "401");
    assertThat(codes(paths, "/api/v1/distributor-applications", "post")).contains("202", "400", "409", "429").doesNotContain("200");
    assertThat(codes(paths, "/api/v1/cases/{caseId}/disclosure-plan", "put")).contains("202", "400", "401", "403", "404", "409").doesNotContain("200");
    assertThat(codes(paths, "/api/v1/cases/{caseId}/embargo-breaks", "post")).contains("202").doesNotContain("200");
    assertThat(codes(paths, "/api/v1/team/nominations", "post")).contains("201", "403", "404", "409").doesNotContain("200");
    assertThat(codes(paths, "/api/v1/team/members/{userId}/step-down", "post")).contains("204", "403").doesNotContain("200");
    assertThat(codes(paths, "/api/v1/distributors/{id}", "delete")).contains("204", "404").doesNotContain("200");
    assertThat(codes(paths, "/api/v1/distributors", "post")).containsExactly("401", "403", "429");
    assertThat(codes(paths, "/api/v1/distributors/{id}/leaks", "post")).contains("201").doesNotContain("200");
    assertThat(codes(paths, "/api/v1/distributors/{id}/removal-proposals", "post")).contains("202").doesNotContain("200");
    assertThat(codes(paths, "/api/v1/distributors/imports", "post")).contains("201", "409").doesNotContain("200");
    assertThat(codes(paths, "/api/v1/tokens", "post")).contains("201", "400", "401", "403").doesNotContain("200");
    assertThat(codes(paths, "/api/v1/tokens/{id}", "delete")).contains("204", "403", "404").doesNotContain("200");
    assertThat(codes(paths, "/api/v1/audit", "get")).contains("200", "401", "403");
    assertThat(codes(paths, "/api/v1/cases/{caseId}/advisory", "get")).contains("200", "400", "404", "409", "501");
    paths.properties().forEach(path -> path.getValue().properties().forEach(operation ->
        operation.getValue().path("responses").properties().forEach(response -> {
          List<String> types = new ArrayList<>();
          response.getValue().path("content").fieldNames().forEachRemaining(types::add);
          String where = operation.getKey() + " " + path.getKey() + " " + response.getKey();
          if (response.getKey().matches("[45]..")) {
            assertThat(types).as(where).containsExactly("application/problem+json");
            assertThat(response.getValue().path("content").path("application/problem+json").path("schema").path("$ref").asText())
                .as(where).isEqualTo("#/components/schemas/ProblemDetail");
          } else {
            assertThat(types).as(where).doesNotContain("*/*");
          }
        })));
    for (String calendar : List.of("/api/v1/cases/{caseId}/timeline.ics", "/api/v1/calendar.ics")) {
      JsonNode ok = paths.path(calendar).path("get").path("responses").path("200").path("content");
      assertThat(ok.has("text/calendar")).as(calendar + ": " + ok).isTrue();
      assertThat(ok.size()).as(calendar).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("text limits are maxLength, which JSON Schema counts in characters as the service does; nulls are said")
  void textLimitsAndNulls() throws Exception {
    JsonNode schemas = contract().description().path("components").path("schemas");

    assertThat(schemas.path("ReportRequest").path("properties").path("title").path("maxLength").asInt()).isEqualTo(200);
    assertThat(schemas.path("ReportRequest").path("properties").path("whatHappened").path("maxLength").asInt()).isEqualTo(4000);
    assertThat(schemas.path("EmbargoBreak").path("properties").path("breachedBy").path("maxLength").asInt()).isEqualTo(200);
    assertThat(schemas.path("NominationRequest").path("properties").path("reason").path("maxLength").asInt()).isEqualTo(2000);
    assertThat(schemas.path("CaseState").path("properties").path("cveId").path("type").toString()).contains("null");
    assertThat(schemas.path("ReportRequest").path("properties").path("title").path("type").toString()).doesNotContain("null");
  }

  @Test
  @DisplayName("a sample of real answers matches the description: status, media type and body")
  void realAnswersMatch() throws Exception {
    ApiContract contract = contract();
    List<String> errors = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    // 101 emoji in a 200-character title are 101 characters: taken
    String report = json.writeValueAsString(new java.util.HashMap<>(io.github.securityrelease.TestCases.report(
        "\uD83D\uDD25".repeat(101), "ada@example.net")));
    HttpResponse<String> created = check(contract, errors, "POST", "/api/v1/reports", null, "application/json", report);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String caseId = json.readTree(created.body()).path("caseId").asText();
    String tooLong = json.writeValueAsString(new java.util.HashMap<>(io.github.securityrelease.TestCases.report(
        "\uD83D\uDD25".repeat(201), "ada@example.net")));
    assertThat(check(contract, errors, "POST", "/api/v1/reports", null, "application/json", tooLong).statusCode()).isEqualTo(400);
    assertThat(check(contract, errors, "POST", "/api/v1/reports", null, "text/plain", "hello").statusCode()).isEqualTo(415);

    check(contract, errors, "GET", "/api/v1/cvss?vector=CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "demo-associate", null, null);
    check(contract, errors, "GET", "/api/v1/cvss?vector=CVSS:3.1/AV:X", "demo-associate", null, null);
    check(contract, errors, "GET", "/api/v1/cases/" + caseId, "demo-security", null, null);
    check(contract, errors, "GET", "/api/v1/cases/" + caseId, "demo-manager", null, null);
    check(contract, errors, "GET", "/api/v1/cases/SEC-1999-0001", "demo-security", null, null);
    check(contract, errors, "GET", "/api/v1/cases/" + caseId, "demo-associate", null, null);
    check(contract, errors, "GET", "/api/v1/cases/" + caseId, null, null, null);
    check(contract, errors, "GET", "/api/v1/cases/" + caseId + "/notifications", "demo-security", null, null);
    check(contract, errors, "GET", "/api/v1/cases/" + caseId + "/forge-calls", "demo-security", null, null);
    check(contract, errors, "GET", "/api/v1/cases/SEC-1999-0001/forge-calls", "demo-security", null, null);
    check(contract, errors, "GET", "/api/v1/cases/" + caseId + "/release-assets", "demo-security", null, null);
    check(contract, errors, "GET", "/api/v1/cases/" + caseId + "/timeline.ics", "demo-security", null, null);
    check(contract, errors, "GET", "/api/v1/calendar.ics", "demo-manager", null, null);
    check(contract, errors, "GET", "/api/v1/cases/" + caseId + "/advisory?format=osv", "demo-security", null, null);
    check(contract, errors, "GET", "/api/v1/cases/" + caseId + "/advisory?format=pdf", "demo-security", null, null);
    check(contract, errors, "PUT", "/api/v1/cases/" + caseId + "/disclosure-plan", "demo-security", "application/json",
        "{\"publicDisclosureAt\":\"2030-01-01T00:00:00Z\"}");
    check(contract, errors, "GET", "/api/v1/distributors", "demo-security", null, null);
    check(contract, errors, "GET", "/api/v1/distributors/999999", "demo-security", null, null);
    check(contract, errors, "GET", "/api/v1/distributors/nope", "demo-security", null, null);
    check(contract, errors, "POST", "/api/v1/distributors", "demo-security", "application/json", "{}");
    check(contract, errors, "POST", "/api/v1/team/members/demo-admin/step-down", "demo-security", null, null);

    assertThat(errors).isEmpty();
  }

  private HttpResponse<String> check(ApiContract contract, List<String> errors, String method, String path, String user,
      String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    HttpResponse<String> answer = client.send(request.build(), BodyHandlers.ofString());
    errors.addAll(contract.answerErrors(method, path, answer.statusCode(),
        answer.headers().firstValue("Content-Type").orElse(null), answer.body()));
    return answer;
  }

  private static List<String> codes(JsonNode paths, String path, String method) {
    List<String> codes = new ArrayList<>();
    paths.path(path).path(method).path("responses").fieldNames().forEachRemaining(codes::add);
    return codes;
  }

  private ApiContract contract() throws Exception {
    HttpResponse<String> answer = get("/v3/api-docs", "demo-associate");
    assertThat(answer.statusCode()).isEqualTo(200);
    return new ApiContract(answer.body());
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes());
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return client.send(request.build(), BodyHandlers.ofString());
  }
}
