package io.github.securityrelease.security;

import static io.github.securityrelease.security.LoginAlertVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts the alert of an account under attack, or of the break-glass account used
 * (login-alert.bpmn). The mail goes out from the
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
    int failures = attack.reason() == LoginAttack.Reason.ONE_ADDRESS ? properties.failuresPerAccount()
        : properties.alertFailures();
    start(MESSAGE_LOGIN_ATTACK_DETECTED, attack.account(), attack.address(),
        Map.of(ATTACK_REASON, attack.reason().name(), FAILURES, failures));
  }

  /** The break-glass account signed in with its password ({@code way}) while single sign-on is on. */
  void breakGlass(String account, String address, String way) {
    start(MESSAGE_BREAK_GLASS_SIGN_IN, account, address, Map.of(SIGN_IN_WAY, way));
  }

  private void start(String message, String account, String address, Map<String, Object> own) {
    try {
      engineIdentity.runAsService(() -> {
        if (identityService.createUserQuery().userId(account).count() == 0) {
          return null;
        }
        log.warn("{} of {} from {}: alerting the security team", message, account, address);
        return runtimeService.startProcessInstanceByMessage(message, account, variables(account, address, own));
      });
    } catch (RuntimeException e) {
      // the caller's answer stays what it was; the next window alerts again
      log.error("Could not start the login alert of {}", account, e);
    }
  }

  private Map<String, Object> variables(String account, String address, Map<String, Object> own) {
    Instant now = clock.instant();
    long window = properties.window().toMillis();
    Map<String, Object> variables = new HashMap<>(own);
    variables.put(ACCOUNT, account);
    variables.put(CLIENT_ADDRESS, address);
    variables.put(WINDOW_MINUTES, properties.window().toMinutes());
    variables.put(DETECTED_AT, Date.from(now));
    variables.put(ALERT_WINDOW, Instant.ofEpochMilli(now.toEpochMilli() / window * window).toString());
    return variables;
  }
}
