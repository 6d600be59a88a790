package io.github.securityrelease.reporter;

import io.github.securityrelease.web.LinkToken;
import io.github.securityrelease.web.PageRateLimit;
import io.github.securityrelease.web.Rate;
import io.github.securityrelease.web.RateLimits;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.cases.VulnerabilityStatus;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ReporterPageTest {

  @Test
  @DisplayName("the status in words: each status its own plain sentence, an unknown one a neutral one")
  void statusInWords() {
    assertThat(Arrays.stream(VulnerabilityStatus.values()).map(status -> ReporterPage.StatusInWords.of(status.name())))
        .doesNotHaveDuplicates()
        .noneMatch(text -> text.contains("_"));
    assertThat(ReporterPage.StatusInWords.of(null)).isEqualTo("Being handled by the security team");
    assertThat(ReporterPage.StatusInWords.of("A_NEWER_STATUS")).isEqualTo("Being handled by the security team");
  }

  @Test
  @DisplayName("the page is rate-limited per client address: past the burst 429 with Retry-After, another address unhindered")
  void rateLimited() throws Exception {
    AtomicLong now = new AtomicLong();
    PageRateLimit limit = new PageRateLimit(RateLimits.inMemory(now::get, 100).limit("pages", Rate.perMinute(6, 2)));
    assertThat(open(limit, "192.0.2.1").getStatus()).isEqualTo(200);
    assertThat(open(limit, "192.0.2.1").getStatus()).isEqualTo(200);
    MockHttpServletResponse refused = open(limit, "192.0.2.1");
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
    assertThat(open(limit, "192.0.2.2").getStatus()).isEqualTo(200);
    now.addAndGet(10_000_000_000L);
    assertThat(open(limit, "192.0.2.1").getStatus()).as("after the retry time").isEqualTo(200);
  }

  private static MockHttpServletResponse open(PageRateLimit limit, String address) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/reporter/" + LinkToken.generate());
    request.setRemoteAddr(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    limit.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
