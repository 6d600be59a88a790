package io.github.securityrelease.forge;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The webhook is there when its secret is set ({@code security-release.forge.webhook-secret}, or
 * SECURITY_RELEASE_FORGE_WEBHOOK_SECRET), and absent otherwise: no unsigned delivery can be taken.
 */
class WebhookSecretSet implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return Binder.get(context.getEnvironment()).bind("security-release.forge.webhook-secret", String.class)
        .map(secret -> !secret.isBlank()).orElse(false);
  }
}
