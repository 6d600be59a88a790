package io.github.securityrelease.security;

import static io.github.securityrelease.security.Groups.ADMIN;
import static io.github.securityrelease.security.Groups.ASSOCIATES;
import static io.github.securityrelease.security.Groups.MANAGERS;
import static io.github.securityrelease.security.Groups.OPERATORS;
import static io.github.securityrelease.security.Groups.SECURITY_TEAM;
import static io.github.securityrelease.security.Groups.SIG_MAINTAINERS;
import static io.github.securityrelease.security.Groups.authority;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what, and the security headers of each answer. The APIs take HTTP Basic
 * against Camunda's users (unless {@code security-release.security.basic-auth} is off) and
 * the {@link BearerTokens} beans' tokens (the token API also the webapps' session, for the token page:
 * {@link WebappSessionFilter}); the Camunda webapps keep their own session login, CSRF
 * protection and Content-Security-Policy. With single sign-on ({@link SingleSignOn}) the APIs take
 * the provider's bearer tokens too, and the webapps sign in through the provider.
 */
@Configuration
class SecurityConfig {

  static final String REALM = "Security Release Orchestrator";

  /**
   * The engine REST API's {@code POST /identity/verify} checks any user's password for any
   * logged-in user, unthrottled (the webapps use none of it): refused on both of its paths.
   */
  static final String IDENTITY_VERIFY = "/engine-rest/identity/verify/**";
  static final String WEBAPP_IDENTITY_VERIFY = "/camunda/api/engine/engine/*/identity/verify/**";

  /** GitHub's webhook deliveries (forge/), answered like the API: JSON, stateless, no CSRF token. */
  static final String GITHUB_WEBHOOK = "/webhooks/github";

  /** JSON only: nothing in an API answer may load, run or be framed. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /** The report page: its own script and style files only, no inline code, never framed. */
  static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

  /**
   * The one inline style of the Swagger UI: the colours inside its logo (an SVG with a
   * {@code <style>} element, in swagger-ui-standalone-preset.js), allowed by its hash, so that
   * no other inline style or script runs. {@code SwaggerUiPolicyTest} checks it against the
   * Swagger UI on the class path.
   */
  static final String SWAGGER_UI_LOGO_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

  /**
   * The Swagger UI: its own script and style files (it fetches the API description from
   * here), the logo's style by its hash; no inline script, no {@code eval}.
   */
  static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
      + SWAGGER_UI_LOGO_STYLE + "; img-src 'self' data:; "
      + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

  /** The token API, the one the token page calls with the webapps' session ({@link WebappSessionFilter}). */
  static final RequestMatcher TOKEN_PAGE_CALLS = new OrRequestMatcher(path("/api/v1/tokens"), path("/api/v1/tokens/**"));

  @Bean
  @Order(1)
  SecurityFilterChain apis(HttpSecurity http, ProcessEngine engine, SecurityProperties properties,
      List<BearerTokens> bearerTokens, ObjectProvider<SingleSignOn> sso) throws Exception {
    IdentityService identityService = engine.getIdentityService();
    ThrottledBasicEntryPoint entryPoint = new ThrottledBasicEntryPoint(REALM, properties.basicAuth());
    http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/actuator/**"),
            path("/v3/api-docs"), path("/v3/api-docs/**"), path("/webhooks/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path(HttpMethod.POST, "/api/v1/reports")).permitAll()
            // R17: GitHub's deliveries carry no login; their signature is the key (forge/GitHubWebhookController)
            .requestMatchers(path(HttpMethod.POST, GITHUB_WEBHOOK)).permitAll()
            // R25: anyone may apply to join the distributors list (rate-limited like the reports)
            .requestMatchers(path(HttpMethod.POST, "/api/v1/distributor-applications")).permitAll()
            .requestMatchers(path(HttpMethod.GET, "/actuator/health"), path(HttpMethod.GET, "/actuator/health/**"))
                .permitAll()
            // a password oracle for any user, past the login throttle: passwords are checked by logins only
            .requestMatchers(path(HttpMethod.POST, IDENTITY_VERIFY)).denyAll()
            // counts only, never a case's content: for those who watch the service (metrics/)
            .requestMatchers(path("/actuator/prometheus"), path("/actuator/prometheus/**"))
                .hasAnyAuthority(authority(MANAGERS), authority(OPERATORS), authority(SECURITY_TEAM), authority(ADMIN))
            // R25: bringing over a list vetted under an earlier process is administration; the admin reads
            // nothing of the list (R27), and nobody else imports
            .requestMatchers(path(HttpMethod.POST, "/api/v1/distributors/imports")).hasAuthority(authority(ADMIN))
            // R25, R26: the distributors list is the security team's to read and to keep
            .requestMatchers(path("/api/v1/distributors"), path("/api/v1/distributors/**"))
                .hasAuthority(authority(SECURITY_TEAM))
            // R21: maintainers nominate, and the team itself
            .requestMatchers(path(HttpMethod.POST, "/api/v1/team/nominations"))
                .hasAnyAuthority(authority(SIG_MAINTAINERS), authority(SECURITY_TEAM))
            // R22: a member steps down themself, nobody for them (TeamController checks who asks)
            .requestMatchers(path(HttpMethod.POST, "/api/v1/team/members/*/step-down")).authenticated()
            .requestMatchers(path(HttpMethod.GET, "/api/v1/cases/*/notifications"),
                // what the service called on the forge for the case, the team's like the ledger
                path(HttpMethod.GET, "/api/v1/cases/*/forge-calls"),
                // and on CVE Services (R12)
                path(HttpMethod.GET, "/api/v1/cases/*/cve-services-calls"),
                // and the release assets it checked (R17)
                path(HttpMethod.GET, "/api/v1/cases/*/release-assets"),
                // R28: the conversation with the reporter; managers see no message (R27)
                path("/api/v1/cases/*/messages"),
                path(HttpMethod.PUT, "/api/v1/cases/*/disclosure-plan"),
                path(HttpMethod.PUT, "/api/v1/cases/*/credit"),
                path(HttpMethod.POST, "/api/v1/cases/*/embargo-breaks"),
                // R29: what each distributor said of the notices; managers see no distributor names (R27)
                path(HttpMethod.GET, "/api/v1/cases/*/distributors"))
                .hasAuthority(authority(SECURITY_TEAM))
            // the links to the reporter's page: the team's to revoke and renew, managers' not (R27)
            .requestMatchers(path("/api/v1/cases/*/reporter-link")).hasAuthority(authority(SECURITY_TEAM))
            // R4: the case's leads reject an accepted case; CaseRejectionController lets associates through
            // only where they may lead the case (R24)
            .requestMatchers(path(HttpMethod.POST, "/api/v1/cases/*/rejection"))
                .hasAnyAuthority(authority(SECURITY_TEAM), authority(ASSOCIATES))
            .requestMatchers(path(HttpMethod.GET, "/api/v1/cases/*/advisory"),
                path(HttpMethod.GET, "/api/v1/cases/*/timeline.ics"))
                .hasAuthority(authority(SECURITY_TEAM))
            // R27: a mailed report's files are its content, which managers never see
            .requestMatchers(path(HttpMethod.GET, "/api/v1/cases/*/attachments"),
                path(HttpMethod.GET, "/api/v1/cases/*/attachments/*"))
                .hasAuthority(authority(SECURITY_TEAM))
            // R27: case IDs and dates only, what managers see of every case already
            .requestMatchers(path(HttpMethod.GET, "/api/v1/calendar.ics"))
                .hasAnyAuthority(authority(SECURITY_TEAM), authority(MANAGERS))
            .requestMatchers(path(HttpMethod.GET, "/api/v1/cases/*"))
                .hasAnyAuthority(authority(SECURITY_TEAM), authority(MANAGERS))
            // logins and tokens, the team's to watch; managers read no one's
            .requestMatchers(path("/api/v1/audit")).hasAuthority(authority(SECURITY_TEAM))
            .anyRequest().authenticated())
        .httpBasic(basic -> {
          if (properties.basicAuth()) {
            basic.authenticationEntryPoint(entryPoint);
          } else {
            basic.disable();
          }
        })
        .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
            .accessDeniedHandler(ThrottledBasicEntryPoint::forbidden))
        // stateless Basic authentication carries no cookie a forged request could ride on; the token
        // page's session has a check of its own (WebappSessionFilter)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY))
            .frameOptions(frames -> frames.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .addFilterBefore(new BearerTokenFilter(bearerTokens, entryPoint, ThrottledBasicEntryPoint::forbidden),
            BasicAuthenticationFilter.class)
        .addFilterBefore(new WebappSessionFilter(TOKEN_PAGE_CALLS, engine), BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
    SingleSignOn signOn = sso.getIfAvailable();
    if (signOn != null) {
      signOn.bearerTokens(http, bearerTokens);
    }
    return http.build();
  }

  /**
   * A pattern on the whole path: the engine REST API is a servlet of its own (Jersey), which
   * Spring MVC's matchers do not see.
   */
  static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  /**
   * Tasklist, Cockpit and Admin log users in and check CSRF tokens themselves, and send their
   * own Content-Security-Policy (with a nonce per page): a second policy from here would only
   * narrow theirs and break the apps. Their CSRF filter also compares Origin or Referer with
   * the host, so the referrer policy keeps both within the site rather than dropping them.
   */
  @Bean
  @Order(2)
  SecurityFilterChain webapps(HttpSecurity http, LoginThrottle loginThrottle, Logins logins,
      ObjectProvider<SingleSignOn> sso) throws Exception {
    SingleSignOn signOn = sso.getIfAvailable();
    http.securityMatcher(signOn == null ? path("/camunda/**") : signOn.webappPaths(path("/camunda/**")))
        .authorizeHttpRequests(requests -> {
          requests.requestMatchers(path(HttpMethod.POST, WEBAPP_IDENTITY_VERIFY)).denyAll();
          // with single sign-on nobody reaches a webapp unsigned; without, their own login form decides
          if (signOn == null) {
            requests.anyRequest().permitAll();
          } else {
            requests.anyRequest().authenticated();
          }
        })
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers
            .frameOptions(frames -> frames.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        // before Camunda's own filters and login resource: a throttled login never reaches them
        .addFilterBefore(new WebappLoginThrottleFilter(loginThrottle, logins), AuthorizationFilter.class);
    if (signOn != null) {
      signOn.webappLogin(http);
    }
    return http.build();
  }

  /**
   * The Swagger UI of the API description (springdoc; the document itself, {@code /v3/api-docs},
   * is in the API chain): for any logged-in user, by HTTP Basic like the API it describes, or with
   * single sign-on through the provider, as the webapps.
   */
  @Bean
  @Order(3)
  SecurityFilterChain swaggerUi(HttpSecurity http, ObjectProvider<SingleSignOn> sso) throws Exception {
    SingleSignOn signOn = sso.getIfAvailable();
    http.securityMatcher(new OrRequestMatcher(path("/swagger-ui.html"), path("/swagger-ui/**")))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(new ThrottledBasicEntryPoint(REALM, true)))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(sessions -> {
          // with single sign-on the signed-in session is the way in; without, nothing keeps one
          if (signOn == null) {
            sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS);
          }
        })
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(SWAGGER_UI_POLICY))
            .frameOptions(frames -> frames.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    if (signOn != null) {
      signOn.pageSignIn(http);
    }
    return http.build();
  }

  /**
   * The public report page and its files, and the reporter's page (its token is the key; it sends
   * a stricter policy of its own, reporter/ReporterPageController).
   */
  @Bean
  @Order(4)
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
            .frameOptions(frames -> frames.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    return http.build();
  }
}
