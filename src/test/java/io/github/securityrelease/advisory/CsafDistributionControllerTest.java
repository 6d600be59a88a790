package io.github.securityrelease.advisory;

import static io.github.securityrelease.advisory.CsafDistributionAdvisories.embargoed;
import static io.github.securityrelease.advisory.CsafDistributionAdvisories.lastYear;
import static io.github.securityrelease.advisory.CsafDistributionAdvisories.onGitHub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The CSAF distribution over HTTP, with the public advisories the test hands it (the page's implementation comes apart). */
class CsafDistributionControllerTest {

  private static final String WHITE = "/.well-known/csaf/white/";
  private static final String DOCUMENT = WHITE + "2026/ghsa-4x7q-9wm2-v3cp.json";

  private final CsafDistributionAdvisories advisories = new CsafDistributionAdvisories(lastYear(), onGitHub(), embargoed());
  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(
      new CsafDistributionController(advisories.distribution(), CsafDistributionAdvisories.PROPERTIES)).build();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "/.well-known/csaf/provider-metadata.json, application/json",
      WHITE + "csaf-feed-tlp-white.json, application/json",
      DOCUMENT + ", application/json",
      DOCUMENT + ".sha256, text/plain;charset=UTF-8",
      WHITE + "index.txt, text/plain;charset=UTF-8",
      WHITE + "changes.csv, text/csv;charset=UTF-8",
      WHITE + ", text/html;charset=UTF-8",
      WHITE + "2025/, text/html;charset=UTF-8"})
  @DisplayName("R18 every file of the CSAF distribution is public without login, in its content type, cached publicly, with an ETag")
  void publicFiles(String path, String type) throws Exception {
    mvc.perform(get(path))
        .andExpect(status().isOk())
        .andExpect(content().contentType(type))
        .andExpect(header().string("Cache-Control", "max-age=600, public"))
        .andExpect(header().string("ETag", org.hamcrest.Matchers.matchesPattern("\"[0-9a-f]{64}\"")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/.well-known/csaf/provider-metadata.json", DOCUMENT, WHITE + "changes.csv"})
  @DisplayName("R18 a reader that has the file gets 304 for its ETag, and the whole file again once it changed")
  void notModified(String path) throws Exception {
    String etag = mvc.perform(get(path)).andReturn().getResponse().getHeader("ETag");

    mvc.perform(get(path).header("If-None-Match", etag))
        .andExpect(status().isNotModified())
        .andExpect(content().bytes(new byte[0]));
    mvc.perform(get(path).header("If-None-Match", "\"" + "0".repeat(64) + "\"")).andExpect(status().isOk());
  }

  @Test
  @DisplayName("R18 the served .sha256 file holds the SHA-256 of the document's bytes as served, and the file name")
  void hashMatchesServedBytes() throws Exception {
    byte[] document = mvc.perform(get(DOCUMENT)).andReturn().getResponse().getContentAsByteArray();
    String hash = mvc.perform(get(DOCUMENT + ".sha256")).andReturn().getResponse().getContentAsString();

    assertThat(hash).isEqualTo(CsafDistribution.sha256(document) + "  ghsa-4x7q-9wm2-v3cp.json\n");
    assertThat(new ObjectMapper().readTree(document).at("/document/tracking/id").asText()).isEqualTo("GHSA-4x7q-9wm2-v3cp");
  }

  @Test
  @DisplayName("R27 a case that is not public gives the 404 of a path nothing serves, and appears in no listing")
  void hiddenCaseIsNotFound() throws Exception {
    // where the embargoed case's document would be, were it public: tracking id x_KURATOR-2026-0099
    MockHttpServletResponse hidden = mvc.perform(get(WHITE + "2026/x_kurator-2026-0099.json")).andReturn().getResponse();
    MockHttpServletResponse unknown = mvc.perform(get(WHITE + "2026/x_kurator-2026-4711.json")).andReturn().getResponse();

    assertThat(hidden.getStatus()).isEqualTo(404);
    assertThat(unknown.getStatus()).isEqualTo(404);
    assertThat(hidden.getContentAsString()).isEqualTo(unknown.getContentAsString());
    assertThat(hidden.getHeaderNames()).isEqualTo(unknown.getHeaderNames());
    mvc.perform(get(WHITE + "2026/x_kurator-2026-0099.json.sha256")).andExpect(status().isNotFound());
    mvc.perform(get(WHITE + "2024/")).andExpect(status().isNotFound());
    mvc.perform(get(WHITE + "2025/ghsa-4x7q-9wm2-v3cp.json")).andExpect(status().isNotFound());
    assertThat(mvc.perform(get(WHITE + "2026/")).andReturn().getResponse().getContentAsString())
        .contains("ghsa-4x7q-9wm2-v3cp.json").doesNotContain("0099");
  }

  @Test
  @DisplayName("R18 the directory listing links the year folders, index.txt, changes.csv and the feed; a year's, its documents and hashes")
  void listings() throws Exception {
    assertThat(mvc.perform(get(WHITE)).andReturn().getResponse().getContentAsString())
        .contains("href=\"" + WHITE + "2025/\"", "href=\"" + WHITE + "2026/\"", "href=\"" + WHITE + "index.txt\"",
            "href=\"" + WHITE + "changes.csv\"", "href=\"" + WHITE + "csaf-feed-tlp-white.json\"");
    assertThat(mvc.perform(get(WHITE + "2025")).andReturn().getResponse().getContentAsString())
        .contains("href=\"" + WHITE + "2025/x_kurator-2025-31337.json\"",
            "href=\"" + WHITE + "2025/x_kurator-2025-31337.json.sha256\"")
        .doesNotContain("ghsa");
  }
}
