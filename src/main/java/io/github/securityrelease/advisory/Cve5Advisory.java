package io.github.securityrelease.advisory;

import static io.github.securityrelease.advisory.OsvAdvisory.timestamp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.securityrelease.assessment.Severity;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * R18: a case's advisory as a CVE Record in the CVE JSON 5.1 format, published state. The
 * part a CNA writes is {@link #cnaContainer}; the record around it is what the CVE List
 * shows, so that the whole can be checked against the CVE schema.
 */
@Component
class Cve5Advisory {

  static final String DATA_VERSION = "5.1";

  /** The CVE schema's limit for a title and for the value of a description. */
  private static final int TITLE_LIMIT = 256;
  private static final int TEXT_LIMIT = 4096;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final AdvisoryProperties product;

  Cve5Advisory(AdvisoryProperties product) {
    this.product = product;
  }

  /**
   * The whole record, for a disclosed case only: state PUBLISHED says the CVE is public.
   * Throws {@link IllegalStateException} when no CNA org id is configured or the case is under embargo.
   */
  ObjectNode write(Advisory advisory) {
    if (!advisory.disclosed()) {
      throw new IllegalStateException(advisory.caseId() + " is not disclosed: a PUBLISHED record would be a leak");
    }
    ObjectNode record = JSON.objectNode().put("dataType", "CVE_RECORD").put("dataVersion", DATA_VERSION);
    ObjectNode metadata = record.putObject("cveMetadata")
        .put("cveId", advisory.cveId())
        .put("assignerOrgId", cnaOrgId().toString())
        .put("state", "PUBLISHED");
    advisory.publishedAt().ifPresent(published -> metadata.put("datePublished", timestamp(published)));
    record.putObject("containers").set("cna", cnaContainer(advisory));
    return record;
  }

  /**
   * The CNA container alone: what CVE Services take to publish a CVE ID. Without a configured
   * CNA org id it names no provider, and CVE Services' client fills in the organization's.
   */
  ObjectNode cnaContainer(Advisory advisory) {
    ObjectNode cna = JSON.objectNode();
    if (configured()) {
      cna.putObject("providerMetadata").put("orgId", cnaOrgId().toString());
    }
    if (advisory.title() != null) {
      cna.put("title", limit(advisory.title(), TITLE_LIMIT));
    }
    advisory.publishedAt().ifPresent(published -> cna.put("datePublic", timestamp(published)));
    cna.set("descriptions", english(description(advisory)));
    cna.putArray("affected").add(affected(advisory));
    ArrayNode metrics = JSON.arrayNode();
    metric(advisory).ifPresent(metrics::add);
    if (overridden(advisory)) {
      metrics.addObject().putObject("other")
          .put("type", "Textual description of severity")
          .putObject("content").put("text", advisory.severity().name());
    }
    if (!metrics.isEmpty()) {
      cna.set("metrics", metrics);
    }
    if (advisory.mitigations() != null) {
      cna.set("workarounds", english(advisory.mitigations()));
    }
    advisory.upgradeAdvice().ifPresent(solution -> cna.set("solutions", english(solution)));
    if (advisory.credit() != null) {
      // R28: the reporter found it; a reporter who declined is named nowhere
      cna.putArray("credits").addObject().put("lang", "en").put("value", limit(advisory.credit(), TEXT_LIMIT))
          .put("type", "finder");
    }
    cna.set("references", references(advisory));
    return cna;
  }

  /** False while no CNA org id is configured: there is no CVE record without one. */
  boolean configured() {
    return product.cnaOrgId() != null;
  }

  private UUID cnaOrgId() {
    if (product.cnaOrgId() == null) {
      throw new IllegalStateException("security-release.advisory.cna-org-id is not configured: "
          + "a CVE record names the CNA that assigned the CVE ID");
    }
    return product.cnaOrgId();
  }

  /** The impact, and the affected versions in words when they cannot be read as versions. */
  private static String description(Advisory advisory) {
    boolean unread = advisory.affectedVersions() != null && advisory.affectedRanges().isEmpty();
    return unread ? advisory.description() + "\n\nAffected versions: " + advisory.affectedVersions()
        : advisory.description();
  }

  private ObjectNode affected(Advisory advisory) {
    ObjectNode affected = JSON.objectNode().put("vendor", product.vendor()).put("product", product.product());
    affected.put("repo", product.repositoryUrl().toString());
    if (!advisory.affectedComponents().isEmpty()) {
      advisory.affectedComponents().forEach(affected.putArray("modules")::add);
    }
    Optional<List<AffectedRange>> ranges = advisory.affectedRanges();
    if (ranges.isPresent()) {
      ArrayNode versions = affected.putArray("versions");
      ranges.get().forEach(run -> versions.add(version(run)));
      affected.put("defaultStatus", "unaffected");
    } else {
      affected.put("defaultStatus", "unknown");
    }
    return affected;
  }

  private static ObjectNode version(AffectedRange run) {
    ObjectNode version = JSON.objectNode()
        .put("version", run.start())
        .put("status", "affected")
        .put("versionType", "semver");
    return switch (run.endKind()) {
      case FIXED -> version.put("lessThan", run.end().toString());
      case LAST_AFFECTED -> version.put("lessThanOrEqual", run.end().toString());
      case NONE -> version.put("lessThan", "*");
    };
  }

  /** The CVSS metrics of the whole vector (R5) as {@link FirstCvss} writes them, under the record's key of the version. */
  private static Optional<ObjectNode> metric(Advisory advisory) {
    return FirstCvss.scored(advisory).flatMap(result -> {
      String key = switch (result.version()) {
        case "3.0" -> "cvssV3_0";
        case "3.1" -> "cvssV3_1";
        case "4.0" -> "cvssV4_0";
        default -> null;
      };
      if (key == null) {
        return Optional.empty();
      }
      ObjectNode metric = JSON.objectNode();
      metric.set(key, FirstCvss.json(result));
      return Optional.of(metric);
    });
  }

  /** R6: the team's rating differs from the score's band, and the record says so. */
  private static boolean overridden(Advisory advisory) {
    Advisory.Cvss cvss = advisory.cvss();
    return advisory.severity() != null
        && (cvss == null || cvss.score() == null || advisory.severity() != Severity.of(cvss.score()));
  }

  private ArrayNode references(Advisory advisory) {
    Map<URI, List<String>> tags = new LinkedHashMap<>();
    add(tags, advisory.advisoryUrl(), List.of("vendor-advisory"));
    add(tags, advisory.trackingIssueUrl(), List.of("issue-tracking", "vendor-advisory"));
    add(tags, advisory.releaseNotesUrl(), List.of("release-notes"));
    advisory.publicFixes(product.repositoryUrl()).forEach(url -> add(tags, url, List.of("patch")));
    add(tags, advisory.binariesLocation(), List.of());
    add(tags, product.repositoryUrl(), List.of("product"));
    ArrayNode references = JSON.arrayNode();
    tags.forEach((url, urlTags) -> {
      ObjectNode reference = references.addObject().put("url", url.toString());
      if (!urlTags.isEmpty()) {
        urlTags.forEach(reference.putArray("tags")::add);
      }
    });
    return references;
  }

  private static void add(Map<URI, List<String>> tags, URI url, List<String> urlTags) {
    if (url != null) {
      tags.putIfAbsent(url, urlTags);
    }
  }

  private static ArrayNode english(String text) {
    ArrayNode descriptions = JSON.arrayNode();
    descriptions.addObject().put("lang", "en").put("value", limit(text, TEXT_LIMIT));
    return descriptions;
  }

  /** At most {@code length} characters (code points, as the schema's maxLength counts), never half an emoji. */
  static String limit(String text, int length) {
    if (text.codePointCount(0, text.length()) <= length) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, length - 1)) + "…";
  }
}
