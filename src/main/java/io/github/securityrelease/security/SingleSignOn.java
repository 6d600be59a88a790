package io.github.securityrelease.security;

import static io.github.securityrelease.security.SecurityConfig.path;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.DelegatingLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.HtmlUtils;

/**
 * Single sign-on through the OpenID Connect provider of {@code security-release.sso.*}: Spring
 * Security's OAuth2 login for the webapps, handed to Camunda by its
 * {@link ContainerBasedAuthenticationFilter}, and the provider's bearer tokens on the APIs (the
 * resource server). The provider's user ID claim is the Camunda user ID; the rights are that
 * user's Camunda groups ({@link Groups#authoritiesOf}), so a user the service does not know gets none.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "security-release.sso", name = "issuer-uri")
class SingleSignOn {

  private static final String LOGIN = "/oauth2/authorization/" + SsoProperties.REGISTRATION_ID;
  /** Camunda's own logout (the webapps' menu): it ends the signed-in session too, else the next request signs in again. */
  private static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/*/logout";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SsoProperties properties;
  private final IdentityService identityService;
  private final Logins logins;

  SingleSignOn(SsoProperties properties, IdentityService identityService, Logins logins) {
    this.properties = properties;
    this.identityService = identityService;
    this.logins = logins;
  }

  /** The provider's registration, discovered at the first sign-in ({@link ProviderAtFirstUse}). */
  @Bean
  ProviderAtFirstUse clientRegistrations() {
    return new ProviderAtFirstUse(properties.issuerUri(), () -> ClientRegistrations.fromIssuerLocation(properties.issuerUri())
        .registrationId(SsoProperties.REGISTRATION_ID)
        .clientId(properties.clientId())
        .clientSecret(properties.clientSecret())
        .scope("openid", "profile", "email")
        .userNameAttributeName(properties.userIdClaim())
        .build());
  }

  /**
   * The provider's tokens, checked by its keys, issuer and expiry; meant for this service (its
   * client ID in {@code aud}, not a token another client of the provider was given); and
   * naming a user.
   */
  @Bean
  JwtDecoder jwtDecoder(ProviderAtFirstUse provider) {
    return provider.decoder(() -> {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
      OAuth2TokenValidator<Jwt> forThisService = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
          audience -> audience != null && audience.contains(properties.clientId()));
      OAuth2TokenValidator<Jwt> namesUser = new JwtClaimValidator<Object>(properties.userIdClaim(), Objects::nonNull);
      decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
          JwtValidators.createDefaultWithIssuer(properties.issuerUri()), forThisService, namesUser));
      return decoder;
    });
  }

  /** After Spring Security's filters (order -100), before Camunda's own, which read the session it fills. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> signedInWebappUser() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SignedInUserProvider.class.getName()));
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setOrder(101);
    return registration;
  }

  @Bean
  HttpSessionListener sessionTimeout() {
    return new HttpSessionListener() {
      @Override
      public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval((int) properties.sessionTimeout().toSeconds());
      }
    };
  }

  /** The webapps' paths and those of the sign-in and sign-out. */
  RequestMatcher webappPaths(RequestMatcher webapps) {
    return new OrRequestMatcher(webapps, path("/oauth2/**"), path("/login/oauth2/**"), path("/logout"));
  }

  /**
   * Sign-in through the provider: a page of the webapps sends the browser there, a call of their
   * API answers 401. Sign-out at {@code /logout} ends the session here and at the provider where
   * it has an end-session endpoint; the webapps' own logout ends the session here.
   */
  void webappLogin(HttpSecurity http) throws Exception {
    ClientRegistrationRepository registrations =
        http.getSharedObject(ApplicationContext.class).getBean(ClientRegistrationRepository.class);
    OidcClientInitiatedLogoutSuccessHandler endSession = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    endSession.setPostLogoutRedirectUri("{baseUrl}/");
    // the webapps' sign-out (sso/webapps.js) asks with fetch, for their pages let no form lead off
    // the site: to a call that accepts JSON, the end-session address comes as {"location": ...}
    DefaultRedirectStrategy redirect = new DefaultRedirectStrategy();
    endSession.setRedirectStrategy((request, response, url) -> {
      if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(
          Objects.requireNonNullElse(request.getHeader(HttpHeaders.ACCEPT), MediaType.ALL_VALUE)))) {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), Map.of("location", response.encodeRedirectURL(url)));
      } else {
        redirect.sendRedirect(request, response, url);
      }
    });
    LinkedHashMap<RequestMatcher, LogoutSuccessHandler> logoutAnswers = new LinkedHashMap<>();
    logoutAnswers.put(path(HttpMethod.POST, WEBAPP_LOGOUT), new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK));
    DelegatingLogoutSuccessHandler logoutAnswer = new DelegatingLogoutSuccessHandler(logoutAnswers);
    logoutAnswer.setDefaultLogoutSuccessHandler(endSession);
    http.oauth2Login(login -> onRecord(login.withObjectPostProcessor(ProviderAtFirstUse.signInAnswers())))
        .logout(logout -> logout
            .logoutRequestMatcher(new AndRequestMatcher(new OrRequestMatcher(path(HttpMethod.POST, "/logout"),
                path(HttpMethod.POST, WEBAPP_LOGOUT)), SingleSignOn::notFromAnotherSite))
            .logoutSuccessHandler(logoutAnswer))
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), path("/camunda/api/**"))
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN), AnyRequestMatcher.INSTANCE));
  }

  /**
   * A page of the service's own behind the provider's sign-in (the Swagger UI): a browser with no
   * signed-in session goes to the provider, and comes back to the page; HTTP Basic stays for the
   * break-glass account. The page's API description ({@code /v3/api-docs}) reads the same session
   * ({@link #apiDescriptionFromSession}).
   */
  void pageSignIn(HttpSecurity http) throws Exception {
    http.exceptionHandling(errors -> errors
        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN), AnyRequestMatcher.INSTANCE));
  }

  /**
   * The API description for the Swagger UI of a signed-in browser: a {@code GET} of
   * {@code /v3/api-docs} with no {@code Authorization} header is the user of the signed-in session,
   * with no more than being signed in (the API chain is stateless otherwise; nothing else reads
   * the session there).
   */
  private static void apiDescriptionFromSession(HttpSecurity http) {
    RequestMatcher description = new OrRequestMatcher(path(HttpMethod.GET, "/v3/api-docs"),
        path(HttpMethod.GET, "/v3/api-docs/**"));
    HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    http.addFilterBefore((request, response, chain) -> {
      HttpServletRequest call = (HttpServletRequest) request;
      if (call.getHeader(HttpHeaders.AUTHORIZATION) == null && description.matches(call)) {
        SecurityContext signedIn = sessions.loadDeferredContext(call).get();
        if (signedIn.getAuthentication() instanceof OAuth2AuthenticationToken) {
          SecurityContextHolder.setContext(signedIn);
        }
      }
      chain.doFilter(request, response);
    }, BasicAuthenticationFilter.class);
  }

  /**
   * No other site's form signs anyone out: the browser says where a request comes from
   * ({@code Sec-Fetch-Site}, which no page can set); older browsers that do not say are let through.
   */
  private static boolean notFromAnotherSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    return site == null || site.equals("same-origin") || site.equals("none");
  }

  /**
   * Sign-ins at the provider on record ({@link Logins}), then answered as Spring's defaults answer
   * them: a user the service does not know is a failed login under the provider's user ID (the
   * webapps give them nothing), a sign-in the provider or this service refused one under the
   * error's code.
   */
  private void onRecord(OAuth2LoginConfigurer<HttpSecurity> login) {
    SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();
    login.successHandler((request, response, authentication) -> {
      String userId = authentication.getName();
      if (identityService.createUserQuery().userId(userId).count() == 0) {
        logins.failed(userId, request.getRemoteAddr());
      } else {
        logins.providerSignIn(userId, request.getRemoteAddr());
      }
      signedIn.onAuthenticationSuccess(request, response, authentication);
    }).failureHandler((request, response, exception) -> {
      String code = exception instanceof OAuth2AuthenticationException oauth2 ? oauth2.getError().getErrorCode() : null;
      logins.failed(code == null ? SsoProperties.REGISTRATION_ID : SsoProperties.REGISTRATION_ID + ": " + code,
          request.getRemoteAddr());
      // a page of ours: Spring's default sends the browser to a /login page this service does not have
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setContentType("text/html;charset=UTF-8");
      response.getWriter().write("""
          <!DOCTYPE html><html lang="en"><head><title>Sign-in failed</title></head><body>
          <h1>Sign-in failed</h1>
          <p>The sign-in at the identity provider did not complete%s. <a href="/camunda/app/tasklist/">Try again</a>.</p>
          </body></html>
          """.formatted(code == null ? "" : " (" + HtmlUtils.htmlEscape(code) + ")"));
    });
  }

  /**
   * The provider's bearer tokens on the APIs, as the Camunda user of the user ID claim with its
   * groups. The service's own tokens ({@code others}, personal API tokens) are not the
   * provider's: the resource server leaves them to {@link BearerTokenFilter}.
   */
  void bearerTokens(HttpSecurity http, List<BearerTokens> others) throws Exception {
    JwtAuthenticationConverter asCamundaUser = new JwtAuthenticationConverter();
    asCamundaUser.setPrincipalClaimName(properties.userIdClaim());
    asCamundaUser.setJwtGrantedAuthoritiesConverter(jwt -> List.copyOf(Groups.authoritiesOf(identityService,
        jwt.getClaimAsString(properties.userIdClaim()))));
    DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
    BearerTokenResolver providersOnly = request -> {
      String token = header.resolve(request);
      return token == null || others.stream().anyMatch(kind -> kind.recognises(token)) ? null : token;
    };
    apiDescriptionFromSession(http);
    http.oauth2ResourceServer(server -> server
        .bearerTokenResolver(providersOnly)
        .withObjectPostProcessor(ProviderAtFirstUse.tokenAnswers(new BearerTokenAuthenticationEntryPoint()))
        .jwt(jwt -> jwt.jwtAuthenticationConverter(asCamundaUser)));
  }
}
