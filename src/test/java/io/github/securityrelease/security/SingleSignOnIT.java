package io.github.securityrelease.security;

import static io.github.securityrelease.TestCases.post;
import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a working OpenID Connect provider in the test's JVM
 * (mock-oauth2-server): its bearer tokens on the APIs, the webapps sending the browser to it.
 */
@OrchestratorIntegrationTest
@Tag(OrchestratorIntegrationTest.OWN_JVM)
@DirtiesContext // closed after the class: the next IT of OwnContextsOnH2 starts its own
class SingleSignOnIT {

  static final String ISSUER = "sso-it";
  static final String CLIENT_ID = "security-release-orchestrator";
  static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry properties) {
    PROVIDER.start();
    properties.add("security-release.sso.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER).toString());
    properties.add("security-release.sso.client-id", () -> CLIENT_ID);
    properties.add("security-release.sso.client-secret", () -> "sso-it-secret");
  }

  @AfterAll
  static void stopProvider() {
    PROVIDER.shutdown();
  }

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;

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
  @DisplayName("passwords still work on the APIs beside the provider's tokens")
  void passwordsStill() {
    assertThat(http.withBasicAuth("demo-security", "demo-security").getForEntity("/api/v1/cases/" + caseId, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
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
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
