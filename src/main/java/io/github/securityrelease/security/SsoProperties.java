package io.github.securityrelease.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through an OpenID Connect provider (Keycloak, Dex, Google Workspace, ...): the
 * webapps' login and bearer tokens on the APIs. Unset {@code issuer-uri}: passwords only, as
 * without it. Groups stay Camunda's own (R21-R23): the provider says who someone is, never what
 * they may do.
 *
 * @param issuerUri the provider's issuer; its {@code /.well-known/openid-configuration} says the rest
 * @param clientId this service's client at the provider; bearer tokens must name it in {@code aud}
 * @param clientSecret from SECURITY_RELEASE_SSO_CLIENT_SECRET
 * @param userIdClaim the claim of the ID token and of bearer tokens that is the Camunda user ID
 * @param sessionTimeout how long a webapp session lives without a request
 * @param breakGlassAccount the one account a password still opens with single sign-on (for when
 *     the provider is out); every use of it alerts the team ({@link Logins})
 */
@ConfigurationProperties("security-release.sso")
public record SsoProperties(
    String issuerUri,
    String clientId,
    String clientSecret,
    @DefaultValue("preferred_username") String userIdClaim,
    @DefaultValue("PT8H") Duration sessionTimeout,
    @DefaultValue(AccountSeeder.ADMIN_USER) String breakGlassAccount) {

  /** The registration ID, in the provider's redirect URI: {@code {baseUrl}/login/oauth2/code/sso}. */
  static final String REGISTRATION_ID = "sso";

  /** Whether single sign-on is on: the condition of {@link SingleSignOn}'s {@code @ConditionalOnProperty}. */
  boolean on() {
    return issuerUri != null && !"false".equalsIgnoreCase(issuerUri);
  }
}
