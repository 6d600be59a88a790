package io.github.securityrelease.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.web.PublicUrl;
import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class SameOriginTest {

  private final SameOrigin check = new SameOrigin(new PublicUrl(URI.create("https://security.example.org:443/base/")));

  @ParameterizedTest(name = "R28 Sec-Fetch-Site={0}, Origin={1} -> {2}")
  @CsvSource(nullValues = "-", value = {
      "same-origin, null,                          true",
      "same-origin, -,                             true",
      "none,        -,                             true",
      "cross-site,  https://security.example.org,  false",
      "same-site,   https://evil.example.org,      false",
      "-,           https://security.example.org,  true",
      "-,           HTTPS://Security.Example.org,  true",
      "-,           https://security.example.org:8443, false",
      "-,           http://security.example.org,   false",
      "-,           null,                          false",
      "-,           -,                             false"})
  @DisplayName("R28 a form is from the page: Sec-Fetch-Site decides where sent, else Origin is the public URL's")
  void sameOrigin(String site, String origin, boolean allowed) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/reporter/x/answer");
    if (site != null) {
      request.addHeader("Sec-Fetch-Site", site);
    }
    if (origin != null) {
      request.addHeader("Origin", origin);
    }
    assertThat(check.allows(request)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "http://localhost:8080,            http://localhost:8080",
      "https://security.example.org/,    https://security.example.org",
      "http://security.example.org:80/x, http://security.example.org"})
  void originOfThePublicUrl(String url, String origin) {
    assertThat(SameOrigin.originOf(URI.create(url))).isEqualTo(origin);
  }
}
