package io.github.securityrelease.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final String ATTACKER = "192.0.2.66";
  private static final String OWNER = "198.51.100.7";

  // far from zero and about to overflow, as in RateLimiterTest
  private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - TimeUnit.SECONDS.toNanos(30));
  private final List<LoginAttack> alerts = new ArrayList<>();

  /** 5 failures per address and account, 20 per address, alert at 10, every 15 minutes. */
  private LoginThrottle throttle() {
    return throttle(new LoginThrottleProperties(Duration.ofMinutes(15), 5, 20, 10, 100));
  }

  private LoginThrottle throttle(LoginThrottleProperties properties) {
    return new LoginThrottle(properties, now::get, alerts::add);
  }

  /** One attempt: its wait, after recording the outcome when it was let through. */
  private static long attempt(LoginThrottle throttle, String address, String account, boolean right) {
    try (LoginThrottle.Attempt attempt = throttle.admit(address, account)) {
      long wait = attempt.retryAfter();
      if (wait == 0) {
        if (right) {
          attempt.succeeded();
        } else {
          attempt.failed();
        }
      }
      return wait;
    }
  }

  private void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }

  @Test
  @DisplayName("an address is refused for an account after 5 failures, and told when to retry")
  void perAccountLimit() {
    LoginThrottle throttle = throttle();
    for (int i = 0; i < 5; i++) {
      assertThat(attempt(throttle, ATTACKER, "demo-security", false)).as("failure " + (i + 1)).isZero();
    }
    // one failure comes back every 15/5 = 3 minutes
    assertThat(attempt(throttle, ATTACKER, "demo-security", true)).as("even the right password").isEqualTo(180);
    advance(Duration.ofSeconds(179));
    assertThat(attempt(throttle, ATTACKER, "demo-security", false)).isEqualTo(1);
    advance(Duration.ofSeconds(1));
    assertThat(attempt(throttle, ATTACKER, "demo-security", false)).as("one more after 3 minutes").isZero();
    assertThat(attempt(throttle, ATTACKER, "demo-security", false)).isEqualTo(180);
  }

  @Test
  @DisplayName("the owner from another address gets in while the attacker is throttled")
  void ownerFromElsewhere() {
    LoginThrottle throttle = throttle();
    for (int i = 0; i < 30; i++) {
      attempt(throttle, ATTACKER, "demo-security", false);
    }
    assertThat(attempt(throttle, ATTACKER, "demo-security", true)).isPositive();
    assertThat(attempt(throttle, OWNER, "demo-security", true)).isZero();
    assertThat(attempt(throttle, OWNER, "demo-security", false)).as("the owner's own typo counts for the owner only")
        .isZero();
  }

  @Test
  @DisplayName("successes are never throttled, and a success starts that address and account afresh")
  void successesFree() {
    LoginThrottle throttle = throttle();
    for (int i = 0; i < 1000; i++) {
      assertThat(attempt(throttle, OWNER, "demo-security", true)).isZero();
    }
    for (int round = 0; round < 4; round++) {
      for (int i = 0; i < 4; i++) {
        assertThat(attempt(throttle, OWNER, "demo-admin", false)).isZero();
      }
      assertThat(attempt(throttle, OWNER, "demo-admin", true)).as("round " + round).isZero();
    }
  }

  @Test
  @DisplayName("an address is refused for every account after 20 failures in all")
  void perAddressLimit() {
    LoginThrottle throttle = throttle();
    for (int i = 0; i < 20; i++) {
      assertThat(attempt(throttle, ATTACKER, "user-" + i, false)).as("failure " + (i + 1)).isZero();
    }
    // 15 minutes / 20 = 45 seconds per failure
    assertThat(attempt(throttle, ATTACKER, "someone-else", true)).isEqualTo(45);
    assertThat(attempt(throttle, OWNER, "someone-else", true)).isZero();
  }

  @Test
  @DisplayName("the account name's case makes no fresh count")
  void caseInsensitiveAccount() {
    LoginThrottle throttle = throttle();
    for (String name : List.of("demo-security", "Demo-Security", "DEMO-SECURITY", "demo-SECURITY", "dEmo-security")) {
      assertThat(attempt(throttle, ATTACKER, name, false)).isZero();
    }
    assertThat(attempt(throttle, ATTACKER, "demo-security", false)).isPositive();
  }

  @Test
  @DisplayName("one address reaching the limit alerts once per account and window")
  void alertOnceFromOneAddress() {
    LoginThrottle throttle = throttle();
    for (int i = 0; i < 4; i++) {
      attempt(throttle, ATTACKER, "demo-security", false);
    }
    assertThat(alerts).isEmpty();
    attempt(throttle, ATTACKER, "demo-security", false);
    assertThat(alerts).containsExactly(new LoginAttack("demo-security", ATTACKER, LoginAttack.Reason.ONE_ADDRESS));

    for (int minute = 0; minute < 14; minute++) {
      advance(Duration.ofMinutes(1));
      attempt(throttle, ATTACKER, "demo-security", false);
      attempt(throttle, "192.0.2.67", "demo-security", false);
    }
    assertThat(alerts).as("within the window").hasSize(1);
    advance(Duration.ofMinutes(1));
    for (int i = 0; i < 5; i++) {
      attempt(throttle, ATTACKER, "demo-security", false);
    }
    assertThat(alerts).as("the next window").hasSize(2);
  }

  @Test
  @DisplayName("failures for one account from several addresses alert the team too")
  void alertFromManyAddresses() {
    LoginThrottle throttle = throttle();
    for (int i = 0; i < 9; i++) {
      attempt(throttle, "203.0.113." + i, "demo-admin", false);
    }
    assertThat(alerts).isEmpty();
    attempt(throttle, "203.0.113.99", "demo-admin", false);
    assertThat(alerts).containsExactly(new LoginAttack("demo-admin", "203.0.113.99", LoginAttack.Reason.MANY_FAILURES));
  }

  @Test
  @DisplayName("a throttled attempt raises no alert and counts nothing")
  void throttledCountsNothing() {
    LoginThrottle throttle = throttle(new LoginThrottleProperties(Duration.ofMinutes(15), 2, 20, 3, 100));
    attempt(throttle, ATTACKER, "demo-admin", false);
    attempt(throttle, ATTACKER, "demo-admin", false);
    alerts.clear();
    for (int i = 0; i < 100; i++) {
      assertThat(attempt(throttle, ATTACKER, "demo-admin", false)).isPositive();
    }
    assertThat(alerts).isEmpty();
    assertThat(attempt(throttle, ATTACKER, "demo-manager", false)).as("the address's count untouched by the refused")
        .isZero();
  }

  @Test
  @DisplayName("concurrent failures from one address never pass the limit")
  void concurrentAttempts() throws Exception {
    LoginThrottle throttle = throttle();
    AtomicInteger checked = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> attempts = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        attempts.add(pool.submit(() -> {
          start.await();
          try (LoginThrottle.Attempt attempt = throttle.admit(ATTACKER, "demo-security")) {
            if (attempt.retryAfter() == 0) {
              checked.incrementAndGet();
              attempt.failed();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> attempt : attempts) {
        attempt.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(checked).as("passwords checked").hasValue(5);
  }

  @Test
  @DisplayName("no more addresses are remembered than configured")
  void boundedMemory() {
    LoginThrottle throttle = throttle(new LoginThrottleProperties(Duration.ofMinutes(15), 1, 1, 1, 3));
    attempt(throttle, ATTACKER, "demo-admin", false);
    assertThat(attempt(throttle, ATTACKER, "demo-admin", false)).isPositive();
    for (int i = 0; i < 10_000; i++) {
      attempt(throttle, "198.51.100." + (i % 250) + "." + i, "user-" + i, false);
    }
    assertThat(attempt(throttle, ATTACKER, "demo-admin", false)).as("dropped, so afresh").isZero();
  }

  @Test
  @DisplayName("a limit below one failure is a configuration error")
  void invalid() {
    assertThatIllegalArgumentException().isThrownBy(
        () -> throttle(new LoginThrottleProperties(Duration.ofMinutes(15), 0, 20, 10, 100)));
    assertThatIllegalArgumentException().isThrownBy(
        () -> throttle(new LoginThrottleProperties(Duration.ofMinutes(15), 5, 20, 0, 100)));
  }
}
