package io.github.securityrelease.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** The Atom feed of the public advisories, parsed back as a reader would (RFC 4287). */
class AdvisoryFeedTest {

  private final AdvisoryFeed feed = new AdvisoryFeed(AdvisoryPagesTest.PAGES, AdvisoryCases.PRODUCT);

  @Test
  @DisplayName("R18 the feed is well-formed Atom: its namespace, the feed's and each entry's id, title and updated, a link to each page")
  void wellFormedAtom() throws Exception {
    Map<String, Object> older = AdvisoryCases.minimal();
    older.put("cveId", "CVE-2026-1001");
    Advisory full = AdvisoryCases.advisory(AdvisoryCases.full());
    Element root = parse(feed.write(List.of(full, AdvisoryCases.advisory(older))));

    assertThat(root.getNamespaceURI()).isEqualTo(AdvisoryFeed.ATOM);
    assertThat(root.getLocalName()).isEqualTo("feed");
    assertThat(text(root, "id")).isEqualTo("https://security.kurator.example/advisories/feed.atom");
    assertThat(text(root, "title")).isEqualTo("Security advisories of kurator");
    assertThat(text(root, "updated")).isEqualTo("2026-12-09T08:30:00Z");
    assertThat(child(root, "author").getElementsByTagNameNS(AdvisoryFeed.ATOM, "name").item(0).getTextContent())
        .isEqualTo("kurator-dev");
    List<Element> entries = children(root, "entry");
    assertThat(entries).hasSize(2);
    Element first = entries.get(0);
    assertThat(text(first, "id")).isEqualTo("https://security.kurator.example/advisories/CVE-2026-12345");
    assertThat(text(first, "title")).isEqualTo("CVE-2026-12345: Token leak in controller logs");
    assertThat(text(first, "updated")).isEqualTo("2026-12-09T08:30:00Z");
    assertThat(text(first, "published")).isEqualTo("2026-12-08T14:00:00Z");
    assertThat(text(first, "summary")).startsWith("The fleet controller logs");
    assertThat(children(first, "link")).extracting(link -> link.getAttribute("rel") + " " + link.getAttribute("href"))
        .containsExactly("alternate https://security.kurator.example/advisories/CVE-2026-12345",
            "related https://security.kurator.example/advisories/CVE-2026-12345.osv.json");
    assertThat(text(entries.get(1), "id")).isEqualTo("https://security.kurator.example/advisories/CVE-2026-1001");
  }

  @Test
  @DisplayName("R27 an empty feed's updated is the epoch, never now; no entry carries a case ID")
  void emptyFeed() throws Exception {
    Element root = parse(feed.write(List.of()));

    assertThat(text(root, "updated")).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(children(root, "entry")).isEmpty();
    assertThat(feed.write(List.of(AdvisoryCases.advisory(AdvisoryCases.full())))).doesNotContain("SEC-", "0042");
  }

  @Test
  @DisplayName("a control character in the team's text does not break the XML")
  void controlCharacters() throws Exception {
    Map<String, Object> variables = AdvisoryCases.minimal();
    variables.put("title", "Bell\u0007 and <tags> & more");
    Element root = parse(feed.write(List.of(AdvisoryCases.advisory(variables))));

    assertThat(text(children(root, "entry").get(0), "title")).isEqualTo("CVE-2026-12345: Bell and <tags> & more");
  }

  static Element parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    return document.getDocumentElement();
  }

  static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && AdvisoryFeed.ATOM.equals(element.getNamespaceURI())
          && name.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    assertThat(found).as("one " + name).hasSize(1);
    return found.get(0);
  }

  static String text(Element parent, String name) {
    return child(parent, name).getTextContent();
  }
}
