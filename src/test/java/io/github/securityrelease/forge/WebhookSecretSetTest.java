package io.github.securityrelease.forge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class WebhookSecretSetTest {

  @Configuration(proxyBeanMethods = false)
  @Conditional(WebhookSecretSet.class)
  static class Webhook {

    @Bean
    String webhook() {
      return "on";
    }
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Webhook.class);

  @Test
  @DisplayName("R17 no secret, or a blank one: no webhook, so no unsigned delivery is ever taken")
  void offWithoutSecret() {
    runner.run(context -> assertThat(context).doesNotHaveBean("webhook"));
    runner.withPropertyValues("security-release.forge.webhook-secret= ")
        .run(context -> assertThat(context).doesNotHaveBean("webhook"));
  }

  @Test
  @DisplayName("a secret set, in the key's own form or the environment's: the webhook is there")
  void onWithSecret() {
    runner.withPropertyValues("security-release.forge.webhook-secret=s3cret")
        .run(context -> assertThat(context).hasBean("webhook"));
    runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("SECURITY_RELEASE_FORGE_WEBHOOK_SECRET", "s3cret"))))
        .run(context -> assertThat(context).hasBean("webhook"));
  }
}
