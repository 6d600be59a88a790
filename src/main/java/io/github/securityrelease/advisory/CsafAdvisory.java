package io.github.securityrelease.advisory;

import static io.github.securityrelease.advisory.OsvAdvisory.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.semver4j.Semver;
import org.springframework.stereotype.Component;

/**
 * R18: a case's advisory as a CSAF 2.0 document of profile {@code csaf_security_advisory}
 * (https://docs.oasis-open.org/csaf/csaf/v2.0/), made from the same facts as the OSV and CVE
 * records. The product tree names the product's affected version ranges ({@code vers:semver})
 * and its fixed versions; the one vulnerability is the case's CVE.
 *
 * <p>CSAF 2.0 scores CVSS 2.0 and 3.x only: a CVSS 4.0 vector is not a score here but a note
 * of the vulnerability, with its score (CSAF 2.1 adds {@code cvss_v4}).
 */
@Component
class CsafAdvisory {

  static final String CSAF_VERSION = "2.0";
  static final String GENERATOR = "Security Release Orchestrator";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final AdvisoryProperties product;
  private final CsafProperties publisher;
  private final OsvAdvisory osv;

  CsafAdvisory(AdvisoryProperties product, CsafProperties publisher, OsvAdvisory osv) {
    this.product = product;
    this.publisher = publisher;
    this.osv = osv;
  }

  /**
   * The document. A disclosed case's is {@code final}, released when it went public, and in a
   * second revision when it changed after that. A case under embargo gets a draft: status
   * {@code draft}, version 0, dated when it last changed (CSAF requires a date), TLP:RED.
   */
  ObjectNode write(Advisory advisory) {
    return write(advisory, null);
  }

  /**
   * The document as the CSAF distribution publishes it: {@link #write(Advisory)} with its
   * canonical URL, where it is published, as the first reference, of category {@code self}
   * (CSAF 6.2.11).
   *
   * @param canonicalUrl the document's URL; null: none, as for the security team's download
   */
  ObjectNode write(Advisory advisory, URI canonicalUrl) {
    Products products = products(advisory);
    ObjectNode csaf = JSON.objectNode();
    csaf.set("document", document(advisory, canonicalUrl));
    csaf.set("product_tree", products.tree());
    csaf.putArray("vulnerabilities").add(vulnerability(advisory, products));
    return sorted(csaf);
  }

  /** Every object's keys in alphabetical order, as CSAF recommends (optional test 6.2.13); arrays keep theirs. */
  private static ObjectNode sorted(ObjectNode node) {
    ObjectNode sorted = JSON.objectNode();
    node.properties().stream().sorted(Map.Entry.comparingByKey())
        .forEach(field -> sorted.set(field.getKey(), sorted(field.getValue())));
    return sorted;
  }

  private static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode object) {
      return sorted(object);
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = JSON.arrayNode();
      array.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }

  /** The project's own advisory ID, the same as the OSV record's: the GHSA ID, else the prefix with the case's number. */
  String trackingId(Advisory advisory) {
    return osv.id(advisory);
  }

  private ObjectNode document(Advisory advisory, URI canonicalUrl) {
    ObjectNode document = JSON.objectNode()
        .put("category", "csaf_security_advisory")
        .put("csaf_version", CSAF_VERSION);
    if (advisory.severity() != null) {
      // the team's rating (R6), which may differ from the score's band
      document.putObject("aggregate_severity").put("text", advisory.severity().name());
    }
    ObjectNode tlp = document.putObject("distribution").putObject("tlp")
        .put("label", advisory.disclosed() ? "WHITE" : "RED");
    tlp.put("url", "https://www.first.org/tlp/");
    document.put("lang", "en");
    document.putArray("notes").addObject()
        .put("category", "summary").put("title", "Summary").put("text", advisory.description());
    document.set("publisher", publisher());
    ArrayNode references = references(advisory);
    if (canonicalUrl != null) {
      references.insertObject(0).put("category", "self").put("summary", "Canonical URL of this CSAF document")
          .put("url", canonicalUrl.toString());
    }
    document.set("references", references);
    document.put("title", advisory.title() != null ? advisory.title() : advisory.cveId());
    document.set("tracking", tracking(advisory));
    return document;
  }

  /** CSAF's {@code publisher}: of each document, and of the provider metadata (CSAF 7.1.7 wants the same). */
  ObjectNode publisher() {
    ObjectNode node = JSON.objectNode().put("category", publisher.publisherCategory());
    if (publisher.contactDetails() != null && !publisher.contactDetails().isBlank()) {
      node.put("contact_details", publisher.contactDetails());
    }
    if (publisher.issuingAuthority() != null && !publisher.issuingAuthority().isBlank()) {
      node.put("issuing_authority", publisher.issuingAuthority());
    }
    boolean named = publisher.publisherName() != null && !publisher.publisherName().isBlank();
    node.put("name", named ? publisher.publisherName() : product.vendor());
    URI namespace = publisher.publisherNamespace() != null ? publisher.publisherNamespace() : product.repositoryUrl();
    return node.put("namespace", namespace.toString());
  }

  private ObjectNode tracking(Advisory advisory) {
    Optional<Instant> published = advisory.publishedAt().map(instant -> instant.truncatedTo(ChronoUnit.SECONDS));
    Instant modified = advisory.modified().truncatedTo(ChronoUnit.SECONDS);
    ObjectNode tracking = JSON.objectNode();
    ArrayNode history = JSON.arrayNode();
    String version;
    if (published.isEmpty()) {
      version = "0";
      revision(history, modified, version, "Draft, under embargo.");
    } else {
      version = "1";
      revision(history, published.get(), version, "Initial public release.");
      if (modified.isAfter(published.get())) {
        version = "2";
        revision(history, modified, version, "The advisory changed after its publication.");
      }
    }
    tracking.putObject("generator").putObject("engine").put("name", GENERATOR);
    return tracking
        .put("current_release_date", timestamp(modified))
        .put("id", trackingId(advisory))
        .put("initial_release_date", timestamp(published.orElse(modified)))
        .<ObjectNode>set("revision_history", history)
        .put("status", published.isPresent() ? "final" : "draft")
        .put("version", version);
  }

  private static void revision(ArrayNode history, Instant date, String number, String summary) {
    history.addObject().put("date", timestamp(date)).put("number", number).put("summary", summary);
  }

  /** Every place to read more, each URL once; CSAF wants one external reference at least: the repository. */
  private ArrayNode references(Advisory advisory) {
    Map<URI, String> summaries = new LinkedHashMap<>();
    add(summaries, advisory.advisoryUrl(), "The project's security advisory");
    add(summaries, advisory.releaseNotesUrl(), "Release notes of the fixed release");
    add(summaries, advisory.trackingIssueUrl(), "Tracking issue");
    add(summaries, advisory.binariesLocation(), "Released binaries");
    add(summaries, product.repositoryUrl(), "The product's source repository");
    return references(summaries);
  }

  private static ArrayNode references(Map<URI, String> summaries) {
    ArrayNode references = JSON.arrayNode();
    summaries.forEach((url, summary) -> references.addObject()
        .put("category", "external").put("summary", summary).put("url", url.toString()));
    return references;
  }

  private static void add(Map<URI, String> summaries, URI url, String summary) {
    if (url != null) {
      summaries.putIfAbsent(url, summary);
    }
  }

  private ObjectNode vulnerability(Advisory advisory, Products products) {
    ObjectNode vulnerability = JSON.objectNode();
    if (advisory.credit() != null) {
      // R28: the reporter found it; a reporter who declined is named nowhere
      ObjectNode acknowledgment = vulnerability.putArray("acknowledgments").addObject();
      acknowledgment.putArray("names").add(advisory.credit());
      acknowledgment.put("summary", "found and reported the vulnerability");
    }
    vulnerability.put("cve", advisory.cveId());
    advisory.ghsaId().ifPresent(ghsa -> vulnerability.putArray("ids").addObject()
        .put("system_name", "GitHub Security Advisories").put("text", ghsa));
    vulnerability.set("notes", notes(advisory));
    ObjectNode status = vulnerability.putObject("product_status");
    if (!products.fixed().isEmpty()) {
      products.fixed().forEach(status.putArray("fixed")::add);
    }
    products.affected().forEach(status.putArray("known_affected")::add);
    Map<URI, String> fixes = new LinkedHashMap<>();
    advisory.publicFixes(product.repositoryUrl()).forEach(url -> add(fixes, url, "The fix"));
    if (!fixes.isEmpty()) {
      vulnerability.set("references", references(fixes));
    }
    advisory.publishedAt().ifPresent(published -> vulnerability.put("release_date", timestamp(published)));
    ArrayNode remediations = JSON.arrayNode();
    advisory.upgradeAdvice().ifPresent(advice -> {
      ObjectNode fix = remediation(remediations, "vendor_fix", advice, products.affected());
      if (advisory.releaseNotesUrl() != null) {
        fix.put("url", advisory.releaseNotesUrl().toString());
      }
    });
    if (advisory.mitigations() != null) {
      remediation(remediations, "mitigation", advisory.mitigations(), products.affected());
    }
    if (!remediations.isEmpty()) {
      vulnerability.set("remediations", remediations);
    }
    FirstCvss.scored(advisory).filter(result -> result.version().startsWith("3")).ifPresent(result -> {
      ObjectNode score = vulnerability.putArray("scores").addObject();
      score.set("cvss_v3", FirstCvss.json(result));
      products.affected().forEach(score.putArray("products")::add);
    });
    if (advisory.title() != null) {
      vulnerability.put("title", advisory.title());
    }
    return vulnerability;
  }

  private static ObjectNode remediation(ArrayNode remediations, String category, String details, List<String> productIds) {
    ObjectNode remediation = remediations.addObject().put("category", category).put("details", details);
    productIds.forEach(remediation.putArray("product_ids")::add);
    return remediation;
  }

  /** The impact; the affected components; a CVSS 4.0 vector, which CSAF 2.0 cannot score. */
  private static ArrayNode notes(Advisory advisory) {
    ArrayNode notes = JSON.arrayNode();
    notes.addObject().put("category", "description").put("text", advisory.description()).put("title", "Impact");
    if (!advisory.affectedComponents().isEmpty()) {
      notes.addObject().put("category", "details").put("text", String.join(", ", advisory.affectedComponents()))
          .put("title", "Affected components");
    }
    FirstCvss.scored(advisory).filter(result -> result.version().startsWith("4")).ifPresent(result ->
        notes.addObject().put("category", "other")
            .put("text", result.vector() + " (score " + result.score() + ", "
                + result.severity().name() + ")")
            .put("title", "CVSS v4.0"));
    return notes;
  }

  /**
   * The product tree: vendor, product, and below it a {@code product_version_range} per
   * affected run ({@code vers:semver}, or the team's text where it does not read as versions)
   * and a {@code product_version} per fixed release. Without affected versions the product
   * itself, every version, is known affected.
   */
  private Products products(Advisory advisory) {
    Map<String, ObjectNode> branches = new LinkedHashMap<>();
    List<String> affected = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    Optional<List<AffectedRange>> ranges = advisory.affectedRanges();
    if (ranges.isPresent()) {
      for (AffectedRange run : ranges.get()) {
        String id = product.product() + ":" + vers(run);
        if (branches.putIfAbsent(id, branch("product_version_range", vers(run), id, id)) == null) {
          affected.add(id);
        }
      }
    } else if (advisory.affectedVersions() != null) {
      String id = product.product() + ":affected";
      branches.put(id, branch("product_version_range", advisory.affectedVersions(), id,
          product.product() + " " + advisory.affectedVersions()));
      affected.add(id);
    }
    for (String release : advisory.releaseVersions()) {
      String version = Versions.parse(release).map(Semver::toString).orElse(release);
      String id = product.product() + ":" + version;
      if (branches.putIfAbsent(id, branch("product_version", version, id, product.product() + " " + version)) == null) {
        fixed.add(id);
      }
    }
    ObjectNode tree = JSON.objectNode();
    if (!branches.isEmpty()) {
      ObjectNode vendor = tree.putArray("branches").addObject()
          .put("category", "vendor").put("name", product.vendor());
      ObjectNode productName = vendor.putArray("branches").addObject()
          .put("category", "product_name").put("name", product.product());
      ArrayNode versions = productName.putArray("branches");
      branches.values().forEach(versions::add);
    }
    if (affected.isEmpty()) {
      tree.putArray("full_product_names").addObject()
          .put("name", product.vendor() + " " + product.product()).put("product_id", product.product());
      affected.add(product.product());
    }
    return new Products(tree, affected, fixed);
  }

  private static ObjectNode branch(String category, String name, String productId, String productName) {
    ObjectNode branch = JSON.objectNode().put("category", category).put("name", name);
    branch.putObject("product").put("name", productName).put("product_id", productId);
    return branch;
  }

  /** A run as a version range specifier: {@code vers:semver/>=0.5.0|<0.5.4}, {@code vers:semver/0.6.0}. */
  static String vers(AffectedRange run) {
    List<String> constraints = new ArrayList<>();
    if (run.endKind() == AffectedRange.End.LAST_AFFECTED && run.end().equals(run.introduced())) {
      return "vers:semver/" + run.end();
    }
    if (!run.fromZero()) {
      constraints.add(">=" + run.introduced());
    }
    switch (run.endKind()) {
      case FIXED -> constraints.add("<" + run.end());
      case LAST_AFFECTED -> constraints.add("<=" + run.end());
      case NONE -> { }
    }
    return "vers:semver/" + (constraints.isEmpty() ? "*" : String.join("|", constraints));
  }

  /** The product tree, and the product IDs of the affected ranges and of the fixed versions. */
  private record Products(ObjectNode tree, List<String> affected, List<String> fixed) {}
}
