package io.github.securityrelease.advisory;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;

/**
 * R18: the public advisories as an Atom feed (RFC 4287), for those who follow them. Each entry's
 * {@code id} is its page's URL, stable for the advisory (one CVE ID, one page); its
 * {@code updated} the advisory's last change. R27: the feed's {@code updated} is its newest
 * entry's, or the epoch when it has none: never "now", never a date of a case that is not public.
 */
@Component
class AdvisoryFeed {

  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String MEDIA_TYPE = "application/atom+xml";

  private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  private final AdvisoryPages pages;
  private final AdvisoryProperties product;

  AdvisoryFeed(AdvisoryPages pages, AdvisoryProperties product) {
    this.pages = pages;
    this.product = product;
  }

  /** {@code advisories} the most recently changed first, as {@link PublicAdvisories#all()} gives them. */
  String write(List<Advisory> advisories) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XML.createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace(ATOM);
      String self = pages.link(AdvisoryPages.FEED_PATH);
      element(xml, "id", self);
      element(xml, "title", "Security advisories of " + product.product());
      element(xml, "updated", OsvAdvisory.timestamp(advisories.stream().map(Advisory::modified)
          .max(Instant::compareTo).orElse(Instant.EPOCH)));
      link(xml, "self", self, MEDIA_TYPE);
      link(xml, "alternate", pages.link(AdvisoryPages.PATH), "text/html");
      xml.writeStartElement("author");
      element(xml, "name", product.vendor());
      xml.writeEndElement();
      for (Advisory advisory : advisories) {
        entry(xml, advisory);
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("The advisory feed could not be written", e);
    }
    return text.toString();
  }

  private void entry(XMLStreamWriter xml, Advisory advisory) throws XMLStreamException {
    xml.writeStartElement("entry");
    String page = pages.pageUrl(advisory);
    element(xml, "id", page);
    element(xml, "title", advisory.title() == null ? advisory.cveId() : advisory.cveId() + ": " + advisory.title());
    element(xml, "updated", OsvAdvisory.timestamp(advisory.modified()));
    if (advisory.publishedAt().isPresent()) {
      element(xml, "published", OsvAdvisory.timestamp(advisory.publishedAt().get()));
    }
    link(xml, "alternate", page, "text/html");
    link(xml, "related", pages.osvUrl(advisory), "application/json");
    if (advisory.severity() != null) {
      xml.writeEmptyElement("category");
      xml.writeAttribute("term", advisory.severity().name());
      xml.writeAttribute("label", "Severity");
    }
    xml.writeStartElement("summary");
    xml.writeAttribute("type", "text");
    xml.writeCharacters(xmlText(advisory.description()));
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(xmlText(text));
    xml.writeEndElement();
  }

  /** The team's text without what XML 1.0 cannot carry at all (control characters but tab and line ends). */
  static String xmlText(String text) {
    return NOT_XML.matcher(text).replaceAll("");
  }

  private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("href", href);
    xml.writeAttribute("type", type);
  }
}
