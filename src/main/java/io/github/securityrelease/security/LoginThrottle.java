package io.github.securityrelease.security;

import io.github.securityrelease.web.Rate;
import io.github.securityrelease.web.RateLimit;
import io.github.securityrelease.web.RateLimits;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Failed logins per client address and per (address, account), counted here before the engine
 * sees a password: a throttled attempt never reaches {@code checkPassword}, so it costs the
 * account nothing, and the account's owner, from another address, still gets in. Failures
 * only count; a success fills that address and account's bucket again.
 *
 * <p>An attempt holds its address's lock from the check until its outcome is recorded, so
 * that concurrent attempts from one address cannot all pass the check before any failure is
 * counted. The locks are striped: two addresses rarely share one, and a throttled attempt
 * holds it for a lookup only.
 *
 * <p>The buckets are Bucket4j's, each node's own ({@link RateLimits#perNode}), not the cluster's:
 * every request of HTTP Basic is checked here, and a success fills its bucket again, which in
 * the database would cost statements on every request of the team; the lock above is each
 * node's too. Behind a load balancer of n nodes an address may so fail up to n times the limit.
 */
@Component
class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private static final int STRIPES = 256;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
  private final RateLimit perAddress;
  private final RateLimit perAccount;
  private final RateLimit accountFailures;
  private final RateLimit alerts;
  private final Consumer<LoginAttack> alert;

  @Autowired
  LoginThrottle(LoginThrottleProperties properties, LoginAlerts alerts, RateLimits limits) {
    this(properties, limits, alerts::raise);
  }

  /** On {@code nanoTime}'s clock: for a test. */
  LoginThrottle(LoginThrottleProperties properties, LongSupplier nanoTime, Consumer<LoginAttack> alert) {
    this(properties, RateLimits.inMemory(nanoTime, properties.maxClients()), alert);
  }

  private LoginThrottle(LoginThrottleProperties properties, RateLimits limits, Consumer<LoginAttack> alert) {
    Duration window = properties.window();
    int max = properties.maxClients();
    this.perAddress = limits.perNode("login failures per address", rate(window, properties.failuresPerAddress()), max);
    this.perAccount = limits.perNode("login failures per address and account",
        rate(window, properties.failuresPerAccount()), max);
    this.accountFailures = limits.perNode("login failures per account", rate(window, properties.alertFailures()), max);
    // one alert per account and window: a bucket of one token, back after a window
    this.alerts = limits.perNode("login alerts per account", new Rate(1, window), max);
    this.alert = alert;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  private static Rate rate(Duration window, int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("security-release.login-throttle.*-failures must be at least 1");
    }
    return Rate.perWindow(failures, window);
  }

  /**
   * Admits a login attempt of {@code account} from {@code address}: check {@link
   * Attempt#retryAfter()} first, record the outcome, and close the attempt in every case.
   */
  Attempt admit(String address, String account) {
    ReentrantLock lock = stripes[Math.floorMod(address.hashCode(), STRIPES)];
    lock.lock();
    return new Attempt(address, account.toLowerCase(Locale.ROOT), account, lock);
  }

  /** One login attempt, holding its address's lock until closed. */
  final class Attempt implements AutoCloseable {

    private final String address;
    private final String key;
    private final String account;
    private final ReentrantLock lock;
    private LoginAttack attack;

    private Attempt(String address, String key, String account, ReentrantLock lock) {
      this.address = address;
      this.key = key;
      this.account = account;
      this.lock = lock;
    }

    /** 0 when the password may be checked, else the seconds until this address may try this account again. */
    long retryAfter() {
      long wait = Math.max(perAddress.retryAfter(address), perAccount.retryAfter(pair()));
      if (wait > 0) {
        log.debug("Login of {} from {} throttled for {} s", account, address, wait);
      }
      return wait;
    }

    void failed() {
      perAddress.acquire(address);
      perAccount.acquire(pair());
      accountFailures.acquire(key);
      LoginAttack.Reason reason = perAccount.retryAfter(pair()) > 0 ? LoginAttack.Reason.ONE_ADDRESS
          : accountFailures.retryAfter(key) > 0 ? LoginAttack.Reason.MANY_FAILURES : null;
      if (reason != null && alerts.acquire(key) == 0) {
        attack = new LoginAttack(account, address, reason);
      }
    }

    void succeeded() {
      perAccount.forget(pair());
    }

    private String pair() {
      return address + " " + key;
    }

    /** Lets the address's next attempt in, then raises the alert, if any, outside the lock. */
    @Override
    public void close() {
      lock.unlock();
      if (attack != null) {
        alert.accept(attack);
      }
    }
  }
}
