package io.github.securityrelease.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.OrchestratorIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** {@code security-release.security.basic-auth: false}: no password on the APIs, tokens only. */
@OrchestratorIntegrationTest
@TestPropertySource(properties = "security-release.security.basic-auth=false")
@Tag(OrchestratorIntegrationTest.OWN_JVM)
@DirtiesContext // closed after the class: the next IT of OwnContextsOnH2 starts its own
@EnabledIf(value = "io.github.securityrelease.TestDatabase#onH2Alone",
    disabledReason = "the web layer's configuration alone: on H2")
class BasicAuthOffIT {

  @Autowired TestRestTemplate http;
  @Autowired PersonalTokens tokens;

  @Test
  @DisplayName("with basic-auth off a right password is refused on the APIs with a Bearer challenge, and a token works")
  void passwordsOffTokensOn() {
    for (String path : List.of("/engine-rest/task", "/api/v1/tokens", "/api/v1/cases/SR-2026-0001")) {
      ResponseEntity<String> refused = http.withBasicAuth("demo-security", "demo-security").getForEntity(path, String.class);
      assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Bearer ");
    }
    String secret = tokens.create("demo-security", new TokenRequest("script", List.of("read"), null, 7), "127.0.0.1")
        .secret();
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(secret);
    assertThat(http.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(headers), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
