package io.github.securityrelease.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.github.securityrelease.web.RateLimits;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class WebappLoginThrottleFilterTest {

  private static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

  private final List<String> bodiesSeen = new ArrayList<>();
  private final WebappLoginThrottleFilter filter = new WebappLoginThrottleFilter(
      new LoginThrottle(new LoginThrottleProperties(Duration.ofMinutes(15), 2, 20, 10, 100), System::nanoTime,
          attack -> { }),
      new Logins(new SsoProperties(null, null, null, "preferred_username", Duration.ofHours(8), "admin"),
          new LoginThrottleProperties(Duration.ofMinutes(15), 2, 20, 10, 100), mock(AuditLog.class), mock(LoginAlerts.class),
          Clock.systemUTC(), RateLimits.inMemory(System::nanoTime, 100)));

  /** Camunda's resource stand-in: reads the form as Jersey would, answers 401 unless the password is "right". */
  private MockHttpServletResponse login(String path, String contentType, String body) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setRemoteAddr("192.0.2.66");
    request.setContentType(contentType);
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, (in, out) -> {
      String seen = new String(in.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      bodiesSeen.add(seen);
      ((HttpServletResponse) out).setStatus(seen.endsWith("password=right") ? 200 : 401);
    });
    return response;
  }

  private MockHttpServletResponse login(String body) throws Exception {
    return login(LOGIN, "application/x-www-form-urlencoded", body);
  }

  @Test
  @DisplayName("the form reaches Camunda's resource unchanged, and a throttled one does not reach it")
  void bodyHandedOn() throws Exception {
    assertThat(login("username=demo-security&password=wrong").getStatus()).isEqualTo(401);
    assertThat(login("username=demo-security&password=wrong").getStatus()).isEqualTo(401);
    assertThat(bodiesSeen).containsExactly("username=demo-security&password=wrong", "username=demo-security&password=wrong");

    MockHttpServletResponse throttled = login("username=demo-security&password=right");
    assertThat(throttled.getStatus()).isEqualTo(429);
    assertThat(throttled.getHeader("Retry-After")).isEqualTo("450");
    assertThat(throttled.getContentType()).isEqualTo("application/problem+json");
    assertThat(bodiesSeen).hasSize(2);
  }

  @Test
  @DisplayName("the user name counts however it is encoded, on any engine's and app's login path")
  void encodings() throws Exception {
    login("username=demo%2Dsecurity&password=wrong");
    login("/camunda/api/admin/auth/user/other/login/cockpit/", "application/x-www-form-urlencoded; charset=UTF-8",
        "password=wrong&username=DEMO-security");
    assertThat(login("username=demo-security&password=right").getStatus()).isEqualTo(429);
    assertThat(login("username=%zz&password=wrong").getStatus()).as("malformed, still counted as sent").isEqualTo(401);
  }

  @Test
  @DisplayName("a success starts the count afresh; no user name, or no login path, is not counted")
  void notCounted() throws Exception {
    login("username=demo-admin&password=wrong");
    assertThat(login("username=demo-admin&password=right").getStatus()).isEqualTo(200);
    login("username=demo-admin&password=wrong");
    assertThat(login("username=demo-admin&password=right").getStatus()).isEqualTo(200);
    for (int i = 0; i < 30; i++) {
      assertThat(login("username=&password=wrong").getStatus()).isEqualTo(401);
      assertThat(login(LOGIN, "application/json", "{\"username\": \"demo-admin\"}").getStatus()).isEqualTo(401);
      assertThat(login("/camunda/api/admin/auth/user/default", "application/x-www-form-urlencoded",
          "username=demo-admin&password=wrong").getStatus()).isEqualTo(401);
    }
    assertThat(login("username=demo-admin&password=right").getStatus()).isEqualTo(200);
  }

  @Test
  @DisplayName("a login form over 8 KiB is no login: 413, before anything reads it")
  void tooLarge() throws Exception {
    MockHttpServletResponse response = login("username=demo-admin&password=" + "x".repeat(9000));
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(bodiesSeen).isEmpty();
  }
}
