package io.github.securityrelease.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.web.PublicUrl;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The public advisory pages as HTML: what they show, escaped, with absolute links, and the
 * structure assistive technology reads (the rendered page in a browser is checked with axe-core
 * by PublicAdvisoriesBrowserIT).
 */
class AdvisoryPagesTest {

  static final AdvisoryPages PAGES = new AdvisoryPages(new PublicUrl(URI.create("https://security.kurator.example/")),
      AdvisoryCases.PRODUCT, new OsvAdvisory(AdvisoryCases.PRODUCT));

  private final Advisory full = AdvisoryCases.advisory(AdvisoryCases.full());

  @Test
  @DisplayName("R18 the list shows each public advisory: title, CVE ID, severity and CVSS score, dates, affected and fixed versions, credit, links")
  void listShowsTheFacts() {
    Map<String, Object> variables = AdvisoryCases.full();
    variables.put("credit", "Ada Reporter");
    Document page = Jsoup.parse(PAGES.list(List.of(AdvisoryCases.advisory(variables))));

    Element advisory = page.selectFirst("article.advisory");
    assertThat(advisory.selectFirst("h2").text()).isEqualTo("CVE-2026-12345: Token leak in controller logs");
    assertThat(advisory.selectFirst("h2 a").attr("href")).isEqualTo("https://security.kurator.example/advisories/CVE-2026-12345");
    assertThat(advisory.selectFirst(".severity").text()).isEqualTo("Critical (CVSS 3.1 score 7.5)");
    assertThat(advisory.selectFirst("time.published").attr("datetime")).isEqualTo("2026-12-08T14:00:00Z");
    assertThat(advisory.selectFirst("time.published").text()).isEqualTo("2026-12-08");
    assertThat(advisory.selectFirst("time.modified").attr("datetime")).isEqualTo("2026-12-09T08:30:00Z");
    assertThat(advisory.selectFirst(".affected").text()).isEqualTo("v0.5.0 - v0.6.1");
    assertThat(advisory.selectFirst(".fixed").text()).isEqualTo("v0.6.2, v0.5.4");
    assertThat(advisory.selectFirst(".credit").text()).isEqualTo("Ada Reporter");
    assertThat(advisory.select(".links a")).extracting(Element::text, link -> link.attr("href")).contains(
        org.assertj.core.groups.Tuple.tuple("Advisory",
            "https://github.com/kurator-dev/kurator/security/advisories/GHSA-4x7q-9wm2-v3cp"),
        org.assertj.core.groups.Tuple.tuple("Release notes", "https://github.com/kurator-dev/kurator/releases/tag/v0.6.2"),
        org.assertj.core.groups.Tuple.tuple("Tracking issue", "https://github.com/kurator-dev/kurator/issues/777"),
        org.assertj.core.groups.Tuple.tuple("OSV JSON",
            "https://security.kurator.example/advisories/CVE-2026-12345.osv.json"));
    assertThat(page.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
        .isEqualTo("https://security.kurator.example/advisories/feed.atom");
  }

  @Test
  @DisplayName("R28 a reporter who declined credit is named nowhere on the page; R18 the private fork's fix is not linked")
  void noCreditNoPrivateFix() {
    String page = PAGES.one(full);

    assertThat(Jsoup.parse(page).select(".credit")).isEmpty();
    assertThat(page).doesNotContain("kurator-private", "kurator-security", "Ada");
  }

  @Test
  @DisplayName("R27 no public page carries the case ID or the case's number")
  void noCaseId() {
    assertThat(PAGES.list(List.of(full, AdvisoryCases.advisory(AdvisoryCases.minimal())))).doesNotContain("SEC-", "0042");
    assertThat(PAGES.one(full)).doesNotContain("SEC-", "0042");
  }

  @Test
  @DisplayName("every value is escaped: a title with markup is text")
  void escaped() {
    Map<String, Object> variables = AdvisoryCases.minimal();
    variables.put("title", "<script>alert(1)</script> & co");
    String page = PAGES.one(AdvisoryCases.advisory(variables));

    assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;");
    assertThat(Jsoup.parse(page).selectFirst("h1").text()).isEqualTo("CVE-2026-12345: <script>alert(1)</script> & co");
  }

  @Test
  @DisplayName("accessible structure: lang, one h1, a heading per advisory, a main landmark reached by a skip link, facts in a definition list")
  void accessibleStructure() {
    Document list = Jsoup.parse(PAGES.list(List.of(full, AdvisoryCases.advisory(AdvisoryCases.minimal()))));
    Document one = Jsoup.parse(PAGES.one(full));
    Document empty = Jsoup.parse(PAGES.list(List.of()));

    for (Document page : List.of(list, one, empty)) {
      assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
      assertThat(page.select("h1")).hasSize(1);
      assertThat(page.select("main")).hasSize(1);
      assertThat(page.title()).isNotBlank();
      String skipTo = page.selectFirst("a.skip").attr("href");
      assertThat(page.select("main" + skipTo)).as("the skip link leads to main").hasSize(1);
      page.select("dl.facts").forEach(facts -> assertThat(facts.select("dt")).hasSameSizeAs(facts.select("dd")));
      assertThat(page.select("img:not([alt])")).isEmpty();
    }
    assertThat(list.select("article.advisory > h2")).hasSize(2);
    assertThat(list.select("dl.facts")).hasSize(2);
    assertThat(empty.selectFirst("#none").text()).isEqualTo("No advisory is public yet.");
    assertThat(one.selectFirst("nav a").attr("href")).isEqualTo("https://security.kurator.example/advisories");
  }
}
