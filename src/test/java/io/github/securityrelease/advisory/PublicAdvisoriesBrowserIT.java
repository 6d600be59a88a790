package io.github.securityrelease.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.github.securityrelease.OrchestratorIntegrationTest;
import io.github.securityrelease.TestCases;
import io.github.securityrelease.TestSmtp;
import io.github.securityrelease.browser.Browser;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public advisory pages in Chromium, checked by axe-core (the Maven artifact
 * {@code com.deque.html.axe-core:selenium}, which carries {@code axe.min.js}): every rule of WCAG
 * 2.0, 2.1 and 2.2 at levels A and AA, colour contrast among them, of every impact, must pass on
 * the list, on one disclosed advisory, on the list with no advisory and on the 404 page. axe is
 * injected through WebDriver, whose scripts the pages' CSP (no script) does not hold back. Where
 * axe leaves the contrast undecided (e.g. text on an image) the test fails too: that is no pass.
 * Tagged {@value OrchestratorIntegrationTest#BROWSER} as the other browser ITs: on H2 alone.
 */
@OrchestratorIntegrationTest
@Tag(OrchestratorIntegrationTest.BROWSER)
class PublicAdvisoriesBrowserIT {

  /** axe-core's tags of the WCAG 2 success criteria at levels A and AA (2.0, 2.1, 2.2). */
  static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private static final String CONTRAST = "color-contrast";

  @RegisterExtension
  static Browser browser = new Browser();

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired TestCases cases;
  @Autowired AdvisoryPages pages;

  @Test
  @DisplayName("R18 the public advisory list and a disclosed advisory's page pass axe-core's WCAG 2 A and AA rules in Chromium, colour contrast included")
  void listAndAdvisory() {
    String title = "Accessible page probe " + UUID.randomUUID();
    String cve = TestCases.cveId(cases.disclosed(http, title));

    browser.open(url("/advisories"));
    browser.visible(By.xpath("//h2/a[contains(., '" + title + "')]"));
    assertAccessible("advisories-list");

    // the page's links are on the public URL (security-release.public-url), not this test's port
    browser.open(url("/advisories/" + cve));
    assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo(cve + ": " + title);
    assertAccessible("advisories-one");
  }

  @Test
  @DisplayName("R18 the advisory list with no public advisory yet, and the 404 page, pass axe-core's WCAG 2 A and AA rules in Chromium")
  void emptyListAndNotFound() {
    // the shared context's public cases are there for good: the empty list, as the service renders it,
    // written into the page at /advisories, so that its stylesheet and CSP are those of the real page
    browser.open(url("/advisories"));
    browser.script("document.open(); document.write(arguments[0]); document.close();", pages.list(List.of()));
    assertThat(browser.visible(By.id("none")).getText()).isEqualTo("No advisory is public yet.");
    browser.until("the stylesheet applied", driver -> !"rgba(0, 0, 0, 0)".equals(
        browser.script("return getComputedStyle(document.body).backgroundColor")));
    assertAccessible("advisories-empty");

    browser.open(url("/advisories/CVE-1999-0001"));
    assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Not found");
    assertAccessible("advisories-not-found");
  }

  private void assertAccessible(String screenshot) {
    browser.screenshotAll(screenshot);
    Results results = new AxeBuilder().withTags(WCAG_A_AA).analyze(browser.driver());
    assertThat(results.isErrored()).as("axe ran: %s", results.getErrorMessage()).isFalse();
    assertThat(results.getViolations()).as("axe's violations on %s:%n%s", results.getUrl(), describe(results.getViolations()))
        .isEmpty();
    assertThat(results.getIncomplete()).as("axe undecided on %s:%n%s", results.getUrl(), describe(results.getIncomplete()))
        .extracting(Rule::getId).doesNotContain(CONTRAST);
    assertThat(results.getPasses()).as("the rules passed on " + results.getUrl()).extracting(Rule::getId)
        .contains(CONTRAST, "document-title", "html-has-lang", "html-lang-valid");
  }

  /** Each rule with its impact and help, and each element it found with axe's summary of why. */
  private static String describe(List<Rule> rules) {
    return rules.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
        + rule.getNodes().stream().map(node -> "  " + node.getTarget() + " " + node.getHtml() + "\n    "
            + String.valueOf(node.getFailureSummary()).replace("\n", "\n    ")).collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n"));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
