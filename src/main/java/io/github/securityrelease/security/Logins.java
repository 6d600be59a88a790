package io.github.securityrelease.security;

import io.github.securityrelease.web.Rate;
import io.github.securityrelease.web.RateLimit;
import io.github.securityrelease.web.RateLimits;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Logins on record ({@link AuditLog}), and what a password opens. With single sign-on on
 * ({@code security-release.sso.issuer-uri}) people sign in at the provider, and a password opens
 * the break-glass account alone ({@code security-release.sso.break-glass-account}, for when the
 * provider is out): any other account's password is refused as a wrong one is, before the engine
 * checks it. Every use of the break-glass account alerts the team: once per address and
 * {@code security-release.login-throttle.window}, since HTTP Basic signs in on every request.
 * Without single sign-on every account's password works, as before.
 *
 * <p>A successful HTTP Basic login is recorded once per user, address and day (UTC), as a
 * token's use is; a webapp login and a sign-in at the provider each time. A failed login is
 * recorded under the account name given, only when the login throttle let it through, so that
 * an attacker's flood stops at the throttle and not in the table. Never a password.
 */
@Component
class Logins {

  /** How someone signed in: the {@code subject} of a {@code LOGIN} or {@code BREAK_GLASS} row. */
  enum Way {
    HTTP_BASIC("HTTP Basic"), WEBAPP_FORM("webapp login form"), SINGLE_SIGN_ON("single sign-on");

    final String label;

    Way(String label) {
      this.label = label;
    }
  }

  /** The width of {@code audit_event.subject}: an account name given is anyone's text. */
  private static final int SUBJECT_WIDTH = 200;

  private final String breakGlassAccount;
  private final AuditLog audit;
  private final LoginAlerts alerts;
  private final Clock clock;
  private final RateLimit breakGlassUses;
  private final Map<String, LocalDate> basicLogins;

  Logins(SsoProperties sso, LoginThrottleProperties throttle, AuditLog audit, LoginAlerts alerts, Clock clock,
      RateLimits limits) {
    this.breakGlassAccount = sso.on() ? sso.breakGlassAccount() : null;
    this.audit = audit;
    this.alerts = alerts;
    this.clock = clock;
    // each node's own, as the login throttle's: a node alerts once per address and window
    this.breakGlassUses = limits.perNode("break-glass alerts", new Rate(1, throttle.window()), throttle.maxClients());
    int remembered = throttle.maxClients();
    this.basicLogins = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, LocalDate> eldest) {
        return size() > remembered;
      }
    };
  }

  /**
   * Whether a password login of {@code account} is refused without a check: with single sign-on,
   * every account but the break-glass one (by its exact ID: a name the store might fold to it is refused).
   */
  boolean passwordRefused(String account) {
    return breakGlassAccount != null && !breakGlassAccount.equals(account);
  }

  /** A password refused, wrong, or of no account: {@code account} as it was given. */
  void failed(String account, String address) {
    String subject = account.length() > SUBJECT_WIDTH ? account.substring(0, SUBJECT_WIDTH) : account;
    audit.record(null, AuditLog.Action.LOGIN_FAILED, subject, address);
  }

  /** A password checked on a request of HTTP Basic: on record once per user, address and day. */
  void basic(String userId, String address) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate before;
    synchronized (basicLogins) {
      before = basicLogins.put(userId + " " + address, today);
    }
    if (!today.equals(before)) {
      audit.record(userId, AuditLog.Action.LOGIN, Way.HTTP_BASIC.label, address);
    }
    breakGlass(userId, address, Way.HTTP_BASIC);
  }

  /** A password checked by the webapps' login form. */
  void webappLogin(String userId, String address) {
    audit.record(userId, AuditLog.Action.LOGIN, Way.WEBAPP_FORM.label, address);
    breakGlass(userId, address, Way.WEBAPP_FORM);
  }

  /** A sign-in at the provider: no password here, so never the break-glass. */
  void providerSignIn(String userId, String address) {
    audit.record(userId, AuditLog.Action.LOGIN, Way.SINGLE_SIGN_ON.label, address);
  }

  private void breakGlass(String userId, String address, Way way) {
    if (breakGlassAccount != null && breakGlassAccount.equals(userId)
        && breakGlassUses.acquire(userId + " " + address) == 0) {
      audit.record(userId, AuditLog.Action.BREAK_GLASS, way.label, address);
      alerts.breakGlass(userId, address, way.label);
    }
  }
}
