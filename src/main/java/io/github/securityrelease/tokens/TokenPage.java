package io.github.securityrelease.tokens;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The page to create, list and revoke one's tokens, at {@code /tokens}: it calls the token API
 * with the session of the Camunda webapps (the security package's {@code WebappSessionFilter}).
 */
@Configuration(proxyBeanMethods = false)
class TokenPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/tokens").setViewName("forward:/tokens.html");
  }
}
