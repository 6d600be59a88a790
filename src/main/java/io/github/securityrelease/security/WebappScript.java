package io.github.securityrelease.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webapps' {@code scripts/sso.js}, which their config.js names: with single sign-on
 * ({@link SingleSignOn}) sign-in and sign-out through the provider rather than their own password
 * form and logout (see {@code sso/webapps.js}); without it a module that does nothing. Always
 * there: a custom script the webapps do not find leaves them loading for ever.
 */
@Configuration(proxyBeanMethods = false)
class WebappScript {

  @Bean
  RouterFunction<ServerResponse> webappSsoScript(ObjectProvider<SingleSignOn> sso) {
    Resource script = sso.getIfAvailable() != null ? new ClassPathResource("sso/webapps.js")
        : new ByteArrayResource("export default [];\n".getBytes());
    return RouterFunctions.route(RequestPredicates.GET("/camunda/app/{app}/scripts/sso.js"),
        request -> ServerResponse.ok().contentType(MediaType.valueOf("text/javascript")).body(script));
  }
}
