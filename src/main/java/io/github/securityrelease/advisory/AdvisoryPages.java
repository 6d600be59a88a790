package io.github.securityrelease.advisory;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.github.securityrelease.web.PublicUrl;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * R18: the public advisory pages as HTML, every value escaped, no script: the list of the public
 * advisories and one advisory, both from {@code templates/advisories/}, the facts of an advisory
 * in one partial ({@code facts}) that both show. Links are absolute, from {@link PublicUrl}.
 * R27: nothing but the advisory's public facts; never the case ID.
 */
@Component
class AdvisoryPages {

  static final String PATH = "/advisories";
  static final String FEED_PATH = PATH + "/feed.atom";

  private static final Template LIST = compile("list");
  private static final Template ONE = compile("advisory");
  private static final Template NOT_FOUND = compile("not-found");

  private final PublicUrl publicUrl;
  private final AdvisoryProperties product;
  /** The id the CSAF document is filed under (its tracking id is OSV's). */
  private final OsvAdvisory osv;

  AdvisoryPages(PublicUrl publicUrl, AdvisoryProperties product, OsvAdvisory osv) {
    this.publicUrl = publicUrl;
    this.product = product;
    this.osv = osv;
  }

  String list(List<Advisory> advisories) {
    Map<String, Object> model = page();
    model.put("advisories", advisories.stream().map(this::facts).toList());
    return LIST.execute(model);
  }

  String one(Advisory advisory) {
    Map<String, Object> model = page();
    model.putAll(facts(advisory));
    return ONE.execute(model);
  }

  static String notFound() {
    return NOT_FOUND.execute(Map.of());
  }

  /** The advisory's own page, absolute. */
  String pageUrl(Advisory advisory) {
    return publicUrl.link(PATH + "/" + advisory.cveId());
  }

  String osvUrl(Advisory advisory) {
    return publicUrl.link(PATH + "/" + advisory.cveId() + ".osv.json");
  }

  String link(String path) {
    return publicUrl.link(path);
  }

  private Map<String, Object> page() {
    Map<String, Object> model = new HashMap<>();
    model.put("product", product.product());
    model.put("listUrl", publicUrl.link(PATH));
    model.put("feedUrl", publicUrl.link(FEED_PATH));
    return model;
  }

  private Map<String, Object> facts(Advisory advisory) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("cveId", advisory.cveId());
    facts.put("title", advisory.title() != null ? advisory.title() : advisory.cveId());
    facts.put("description", advisory.description());
    facts.put("mitigations", advisory.mitigations());
    facts.put("severity", advisory.severity() == null ? null
        : advisory.severity().name().charAt(0) + advisory.severity().name().substring(1).toLowerCase(Locale.ROOT));
    Advisory.Cvss cvss = advisory.cvss();
    if (cvss != null) {
      facts.put("cvssScore", cvss.score() == null ? null : String.format(Locale.ROOT, "%.1f", cvss.score()));
      facts.put("cvssVersion", cvss.version());
      facts.put("cvssVector", cvss.vector());
    }
    advisory.publishedAt().ifPresent(published -> date(facts, "published", published));
    date(facts, "modified", advisory.modified());
    facts.put("affectedVersions", advisory.affectedVersions());
    facts.put("components", String.join(", ", advisory.affectedComponents()));
    facts.put("fixedVersions", String.join(", ", advisory.releaseVersions()));
    facts.put("credit", advisory.credit());
    facts.put("pageUrl", pageUrl(advisory));
    facts.put("links", links(advisory));
    return facts;
  }

  private List<Map<String, String>> links(Advisory advisory) {
    List<Map<String, String>> links = new ArrayList<>();
    link(links, "Advisory", advisory.advisoryUrl());
    link(links, "Release notes", advisory.releaseNotesUrl());
    link(links, "Tracking issue", advisory.trackingIssueUrl());
    link(links, "Binaries", advisory.binariesLocation());
    advisory.publicFixes(product.repositoryUrl()).forEach(fix -> link(links, "Fix", fix));
    links.add(Map.of("what", "OSV JSON", "url", osvUrl(advisory)));
    advisory.publishedAt().ifPresent(published -> links.add(Map.of("what", "CSAF 2.0", "url",
        publicUrl.link(CsafDistribution.DIRECTORY + "/" + CsafDistribution.path(osv.id(advisory), published)))));
    return links;
  }

  private static void link(List<Map<String, String>> links, String what, URI url) {
    if (url != null) {
      links.add(Map.of("what", what, "url", url.toString()));
    }
  }

  /** The day in UTC for people, the instant for machines ({@code <time datetime>}). */
  private static void date(Map<String, Object> facts, String name, Instant at) {
    facts.put(name, OsvAdvisory.timestamp(at));
    facts.put(name + "Day", at.atOffset(ZoneOffset.UTC).toLocalDate().toString());
  }

  /** HTML: every value escaped, an absent one empty; partials from the same folder. */
  private static Template compile(String name) {
    return Mustache.compiler().escapeHTML(true).nullValue("").emptyStringIsFalse(true)
        .withLoader(partial -> new StringReader(read(partial)))
        .compile(read(name));
  }

  private static String read(String name) {
    String path = "templates/advisories/" + name + ".html.mustache";
    try {
      return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Template unreadable: " + path, e);
    }
  }
}
