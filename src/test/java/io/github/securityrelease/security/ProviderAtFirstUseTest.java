package io.github.securityrelease.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/**
 * The service starts while its identity provider is down, and signs people in once it is up:
 * a real OIDC provider (mock-oauth2-server) on a port that answers nothing at first.
 */
class ProviderAtFirstUseTest {

  private static final String ISSUER = "late";

  private final MockOAuth2Server provider = new MockOAuth2Server();
  private int port;
  private String issuerUri;
  private ProviderAtFirstUse discovered;

  @BeforeEach
  void aProviderNotYetUp() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    issuerUri = "http://localhost:" + port + "/" + ISSUER;
    discovered = new ProviderAtFirstUse(issuerUri, () -> ClientRegistrations.fromIssuerLocation(issuerUri)
        .registrationId(SsoProperties.REGISTRATION_ID).clientId("sro").clientSecret("secret").build());
  }

  @AfterEach
  void stop() {
    provider.shutdown();
  }

  @Test
  @DisplayName("made without the provider; a sign-in while it is down answers 503 and a page saying so; once up, the sign-in goes to it")
  void signInOnceTheProviderIsUp() throws Exception {
    assertThat(discovered.findByRegistrationId("another")).isNull();
    MockHttpServletResponse down = signIn();
    assertThat(down.getStatus()).isEqualTo(503);
    assertThat(down.getContentAsString()).contains("cannot be reached");

    provider.start(port);
    MockHttpServletResponse up = signIn();
    assertThat(up.getStatus()).isEqualTo(302);
    assertThat(up.getRedirectedUrl()).startsWith(provider.authorizationEndpointUrl(ISSUER).toString());
    assertThat(discovered.findByRegistrationId(SsoProperties.REGISTRATION_ID).getProviderDetails().getIssuerUri())
        .isEqualTo(issuerUri);
  }

  @Test
  @DisplayName("a provider's bearer token while it is down cannot be checked (not a bad token); once up, it is")
  void tokensOnceTheProviderIsUp() throws Exception {
    JwtDecoder decoder = discovered.decoder(() -> NimbusJwtDecoder.withIssuerLocation(issuerUri).build());
    assertThatThrownBy(() -> decoder.decode("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA"))
        .isExactlyInstanceOf(JwtException.class).hasMessageContaining("cannot be reached");

    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/cases");
    request.addHeader("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA");
    MockHttpServletResponse answer = new MockHttpServletResponse();
    BearerTokenAuthenticationFilter filter = ProviderAtFirstUse.tokenAnswers(new BearerTokenAuthenticationEntryPoint())
        .postProcess(new BearerTokenAuthenticationFilter(new ProviderManager(new JwtAuthenticationProvider(decoder))));
    filter.doFilter(request, answer, new MockFilterChain());
    assertThat(answer.getStatus()).as("the API's answer").isEqualTo(503);
    assertThat(answer.getContentType()).isEqualTo("application/problem+json");

    provider.start(port);
    String token = provider.issueToken(ISSUER, "demo-security", "sro", Map.of("preferred_username", "demo-security"))
        .serialize();
    Jwt jwt = decoder.decode(token);
    assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("demo-security");
  }

  private MockHttpServletResponse signIn() throws Exception {
    OAuth2AuthorizationRequestRedirectFilter filter = ProviderAtFirstUse.signInAnswers()
        .postProcess(new OAuth2AuthorizationRequestRedirectFilter(discovered));
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorization/sso");
    request.setServletPath("/oauth2/authorization/sso");
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
