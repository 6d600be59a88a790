package io.github.securityrelease.advisory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.securityrelease.advisory.AffectedRange.End;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * R18: a case's advisory in the Open Source Vulnerability format, schema 1.7.5
 * (https://ossf.github.io/osv-schema/). Its {@code id} is the project's own, never the CVE ID
 * (OSV.dev holds a record of every CVE under that id): the GHSA ID where the team published the
 * advisory on GitHub, else {@code security-release.advisory.osv-id-prefix} with the CVE ID's
 * year and number (R27: never the case's number, which tells how many cases there were). The
 * CVE ID, and a GHSA ID that is not the id, are {@code aliases}.
 */
@Component
class OsvAdvisory {

  static final String SCHEMA_VERSION = "1.7.5";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final AdvisoryProperties product;

  OsvAdvisory(AdvisoryProperties product) {
    this.product = product;
  }

  /** A case under embargo gets a draft: no {@code published}. */
  ObjectNode write(Advisory advisory) {
    String id = id(advisory);
    ObjectNode osv = JSON.objectNode()
        .put("schema_version", SCHEMA_VERSION)
        .put("id", id)
        .put("modified", timestamp(advisory.modified()));
    advisory.publishedAt().ifPresent(published -> osv.put("published", timestamp(published)));
    ArrayNode aliases = osv.putArray("aliases").add(advisory.cveId());
    advisory.ghsaId().filter(ghsa -> !ghsa.equals(id)).ifPresent(aliases::add);
    if (advisory.title() != null) {
      osv.put("summary", advisory.title());
    }
    osv.put("details", details(advisory));
    severity(advisory).ifPresent(severity -> osv.putArray("severity").add(severity));
    osv.putArray("affected").add(affected(advisory));
    ArrayNode references = references(advisory);
    if (!references.isEmpty()) {
      osv.set("references", references);
    }
    if (advisory.credit() != null) {
      // R28: the reporter found it; a reporter who declined is named nowhere
      osv.putArray("credits").addObject().put("name", advisory.credit()).put("type", "FINDER");
    }
    if (advisory.severity() != null) {
      // the team's rating, which may differ from the score's band (R6)
      osv.putObject("database_specific").put("severity", advisory.severity().name());
    }
    return osv;
  }

  /**
   * The GHSA ID, else the prefix with the CVE ID's year and number ({@code CVE-2026-12345}:
   * {@code x_KURATOR-2026-12345}). R27: a public document carries no case ID nor case number.
   */
  String id(Advisory advisory) {
    return advisory.ghsaId().orElseGet(() -> product.osvIdPrefix() + "-" + advisory.cveId().replaceFirst("^CVE-", ""));
  }

  private static String details(Advisory advisory) {
    return advisory.mitigations() == null ? advisory.description()
        : advisory.description() + "\n\n**Mitigations**\n\n" + advisory.mitigations();
  }

  private static Optional<ObjectNode> severity(Advisory advisory) {
    Advisory.Cvss cvss = advisory.cvss();
    if (cvss == null || cvss.version() == null) {
      return Optional.empty();
    }
    String type = cvss.version().startsWith("4") ? "CVSS_V4" : cvss.version().startsWith("3") ? "CVSS_V3" : null;
    return type == null ? Optional.empty()
        : Optional.of(JSON.objectNode().put("type", type).put("score", cvss.vector()));
  }

  private ObjectNode affected(Advisory advisory) {
    ObjectNode affected = JSON.objectNode();
    affected.putObject("package").put("ecosystem", product.ecosystem()).put("name", product.packageName());
    Optional<List<AffectedRange>> ranges = advisory.affectedRanges();
    ranges.ifPresent(runs -> affected.set("ranges", ranges(runs)));
    ObjectNode specific = JSON.objectNode();
    if (ranges.isEmpty() && advisory.affectedVersions() != null) {
      specific.put("affected_versions", advisory.affectedVersions());
    }
    if (!advisory.releaseVersionsReadable()) {
      specific.put("fixed_versions", String.join(", ", advisory.releaseVersions()));
    }
    if (!advisory.affectedComponents().isEmpty()) {
      advisory.affectedComponents().forEach(specific.putArray("components")::add);
    }
    if (!specific.isEmpty()) {
      affected.set("database_specific", specific);
    }
    return affected;
  }

  /**
   * One SEMVER range holding every run; OSV forbids {@code fixed} and {@code last_affected}
   * in one range, so a run ending in a last affected version gets a range of its own.
   */
  private static ArrayNode ranges(List<AffectedRange> runs) {
    ArrayNode ranges = JSON.arrayNode();
    ArrayNode shared = null;
    for (AffectedRange run : runs) {
      ArrayNode events;
      if (run.endKind() == End.LAST_AFFECTED) {
        events = semverRange(ranges);
      } else {
        shared = shared == null ? semverRange(ranges) : shared;
        events = shared;
      }
      events.addObject().put("introduced", run.start());
      switch (run.endKind()) {
        case FIXED -> events.addObject().put("fixed", run.end().toString());
        case LAST_AFFECTED -> events.addObject().put("last_affected", run.end().toString());
        case NONE -> { }
      }
    }
    return ranges;
  }

  private static ArrayNode semverRange(ArrayNode ranges) {
    ObjectNode range = ranges.addObject().put("type", "SEMVER");
    return range.putArray("events");
  }

  /** Each URL once, under the first type that names it. */
  private ArrayNode references(Advisory advisory) {
    Map<URI, String> types = new LinkedHashMap<>();
    add(types, advisory.advisoryUrl(), "ADVISORY");
    add(types, advisory.releaseNotesUrl(), "ADVISORY");
    add(types, advisory.trackingIssueUrl(), "REPORT");
    advisory.publicFixes(product.repositoryUrl()).forEach(url -> add(types, url, "FIX"));
    add(types, advisory.binariesLocation(), "PACKAGE");
    add(types, product.repositoryUrl(), "WEB");
    ArrayNode references = JSON.arrayNode();
    types.forEach((url, type) -> references.addObject().put("type", type).put("url", url.toString()));
    return references;
  }

  private static void add(Map<URI, String> types, URI url, String type) {
    if (url != null) {
      types.putIfAbsent(url, type);
    }
  }

  /** RFC 3339 in UTC, to the second. */
  static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
