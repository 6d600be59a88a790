package io.github.securityrelease.security;

/**
 * The names of {@code processes/login-alert.bpmn}: the process contract (docs/security.md). The
 * throttle starts it, and a break-glass sign-in; the team's alert ({@code team/AlertTeamOfLoginAttack})
 * reads them. The business key is the account's user id.
 */
public final class LoginAlertVariables {

  public static final String PROCESS_KEY = "login-alert";
  /** The start message: the throttle's, so that no one starts an alert by hand (it has no start form). */
  public static final String MESSAGE_LOGIN_ATTACK_DETECTED = "LoginAttackDetected";
  /**
   * The other start message: the break-glass account's password was used with single sign-on on
   * ({@code Logins}); no attack reason nor failures then, but the way it signed in.
   */
  public static final String MESSAGE_BREAK_GLASS_SIGN_IN = "BreakGlassSignIn";

  /** The user id under attack, or the break-glass account used. */
  public static final String ACCOUNT = "account";
  /** The client address of the failure that raised the alert. */
  public static final String CLIENT_ADDRESS = "clientAddress";
  /** A {@code LoginAttack.Reason}: ONE_ADDRESS or MANY_FAILURES. */
  public static final String ATTACK_REASON = "attackReason";
  /** How many failures raised it, and within how many minutes. */
  public static final String FAILURES = "failures";
  public static final String WINDOW_MINUTES = "windowMinutes";
  public static final String DETECTED_AT = "detectedAt";
  /** How the break-glass account signed in: HTTP Basic or the webapp login form. */
  public static final String SIGN_IN_WAY = "signInWay";
  /**
   * The start of the fixed window (of {@code security-release.login-throttle.window}, from the
   * epoch) the alert falls in: the ledger keeps one alert per account and window, whichever
   * node raised it.
   */
  public static final String ALERT_WINDOW = "alertWindow";

  private LoginAlertVariables() {}
}
