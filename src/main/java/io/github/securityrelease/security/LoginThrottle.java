package io.github.securityrelease.security;

import io.github.securityrelease.web.RateLimiter;
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
 */
@Component
class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private static final int STRIPES = 256;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
  private final RateLimiter perAddress;
  private final RateLimiter perAccount;
  private final RateLimiter accountFailures;
  private final RateLimiter alerts;
  private final Consumer<LoginAttack> alert;

  @Autowired
  LoginThrottle(LoginThrottleProperties properties, LoginAlerts alerts) {
    this(properties, System::nanoTime, alerts::raise);
  }

  LoginThrottle(LoginThrottleProperties properties, LongSupplier nanoTime, Consumer<LoginAttack> alert) {
    Duration window = properties.window();
    int max = properties.maxClients();
    this.perAddress = limiter(window, properties.failuresPerAddress(), max, nanoTime);
    this.perAccount = limiter(window, properties.failuresPerAccount(), max, nanoTime);
    this.accountFailures = limiter(window, properties.alertFailures(), max, nanoTime);
    // one alert per account and window: a bucket of one token, back after a window
    this.alerts = new RateLimiter(window, 1, max, nanoTime);
    this.alert = alert;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  private static RateLimiter limiter(Duration window, int failures, int maxClients, LongSupplier nanoTime) {
    if (failures < 1) {
      throw new IllegalArgumentException("security-release.login-throttle.*-failures must be at least 1");
    }
    return new RateLimiter(window.dividedBy(failures), failures, maxClients, nanoTime);
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
