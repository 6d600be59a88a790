package io.github.securityrelease.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/v1} (springdoc; {@code springdoc.paths-to-match} keeps
 * it to those paths): {@code /v3/api-docs} and the Swagger UI, for any logged-in user
 * (SecurityConfig). Every operation takes HTTP Basic against Camunda's users or a personal API
 * token, but the report intake, which says so itself.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

  static final String BASIC = "basicAuth";
  static final String TOKEN = "personalToken";

  @Bean
  OpenAPI securityReleaseApi() {
    return new OpenAPI()
        .info(new Info()
            .title("Security Release Orchestrator API")
            .version("v1")
            .description("""
                An open-source project's security release process: the public report intake, the state \
                of a case, its disclosure plan, embargo breaks, the notification ledger, the security \
                advisory and the private distributors list. HTTP Basic with the service's (Camunda's) \
                users, or a personal API token of theirs within its scopes (Authorization: Bearer); which group may call what is the security model of docs/security.md. Errors are \
                application/problem+json."""))
        .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("basic")
            .description("A user of the service (Camunda's identity service) and its password"))
            .addSecuritySchemes(TOKEN, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .description("A personal API token (sro_...) from POST /api/v1/tokens, within its scopes: read, work")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC))
        .addSecurityItem(new SecurityRequirement().addList(TOKEN));
  }
}
