package io.github.securityrelease.security;

import static io.github.securityrelease.security.LoginAlertVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts the alert of an account under attack (login-alert.bpmn). The mail goes out from the
 * model's asynchronous task, a job with retries, never on the request thread of the attacker,
 * which only writes the instance and its job. Accounts that do not exist are not alerted: a
 * guessed name locks no one out, and would only fill the team's inbox.
 */
@Component
class LoginAlerts {

  private static final Logger log = LoggerFactory.getLogger(LoginAlerts.class);

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final EngineIdentity engineIdentity;
  private final LoginThrottleProperties properties;
  private final Clock clock;

  LoginAlerts(RuntimeService runtimeService, IdentityService identityService, EngineIdentity engineIdentity,
      LoginThrottleProperties properties, Clock clock) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.engineIdentity = engineIdentity;
    this.properties = properties;
    this.clock = clock;
  }

  void raise(LoginAttack attack) {
    try {
      engineIdentity.runAsService(() -> {
        if (identityService.createUserQuery().userId(attack.account()).count() == 0) {
          return null;
        }
        log.warn("Login attack on {} ({}, last from {}): alerting the security team", attack.account(),
            attack.reason(), attack.address());
        return runtimeService.startProcessInstanceByMessage(MESSAGE_LOGIN_ATTACK_DETECTED, attack.account(),
            variables(attack));
      });
    } catch (RuntimeException e) {
      // the attacker's answer stays what the throttle said; the next window alerts again
      log.error("Could not start the login alert of {}", attack.account(), e);
    }
  }

  private Map<String, Object> variables(LoginAttack attack) {
    Instant now = clock.instant();
    long window = properties.window().toMillis();
    int failures = attack.reason() == LoginAttack.Reason.ONE_ADDRESS ? properties.failuresPerAccount()
        : properties.alertFailures();
    return Map.of(
        ACCOUNT, attack.account(),
        CLIENT_ADDRESS, attack.address(),
        ATTACK_REASON, attack.reason().name(),
        FAILURES, failures,
        WINDOW_MINUTES, properties.window().toMinutes(),
        DETECTED_AT, Date.from(now),
        ALERT_WINDOW, Instant.ofEpochMilli(now.toEpochMilli() / window * window).toString());
  }
}
