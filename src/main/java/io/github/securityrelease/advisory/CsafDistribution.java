package io.github.securityrelease.advisory;

import static io.github.securityrelease.advisory.OsvAdvisory.timestamp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.securityrelease.web.PublicUrl;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * R18, R27: the public advisories as CSAF 2.0 distributes them (section 7): the documents
 * under {@code /.well-known/csaf/white/<year>/}, each with its SHA-256 file, {@code index.txt}
 * and {@code changes.csv} beside the year folders (the directory distribution), a ROLIE feed,
 * and the {@code provider-metadata.json} that names both. Made from {@link PublicAdvisories}
 * alone, and of those only the disclosed ones (TLP:WHITE): nothing here names, counts or dates
 * a case that is not public. Every date is the advisories' own, never the time of the request.
 */
@Component
class CsafDistribution {

  static final String ROOT = "/.well-known/csaf";
  static final String PROVIDER_METADATA = ROOT + "/provider-metadata.json";
  static final String DIRECTORY = ROOT + "/white";
  static final String FEED = DIRECTORY + "/csaf-feed-tlp-white.json";
  static final String INDEX = DIRECTORY + "/index.txt";
  static final String CHANGES = DIRECTORY + "/changes.csv";
  static final String CSAF_SCHEMA = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
  /** The date of a distribution without any public advisory: fixed, so that it tells nothing. */
  static final Instant NOTHING_PUBLISHED = Instant.EPOCH;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * One published CSAF document and what its directory and feed say of it.
   *
   * @param path {@code <year>/<file name>}, relative to {@link #DIRECTORY}
   * @param bytes the document as served, which its SHA-256 file hashes
   */
  record Document(String trackingId, String title, String path, Instant released, Instant changed, byte[] bytes) {

    String year() {
      return path.substring(0, path.indexOf('/'));
    }

    String fileName() {
      return path.substring(path.indexOf('/') + 1);
    }

    /** The SHA-256 file's content: the hash and the file name, as {@code sha256sum} writes them (CSAF 7.1.18). */
    String sha256File() {
      return sha256(bytes) + "  " + fileName() + "\n";
    }
  }

  private final PublicAdvisories advisories;
  private final CsafAdvisory csaf;
  private final PublicUrl publicUrl;
  private final CsafDistributionProperties properties;

  CsafDistribution(PublicAdvisories advisories, CsafAdvisory csaf, PublicUrl publicUrl,
      CsafDistributionProperties properties) {
    this.advisories = advisories;
    this.csaf = csaf;
    this.publicUrl = publicUrl;
    this.properties = properties;
  }

  /**
   * CSAF 5.1: the tracking id in lower case, each run of characters other than
   * {@code a-z 0-9 + -} one underscore, and {@code .json}.
   */
  static String fileName(String trackingId) {
    return trackingId.toLowerCase(Locale.ROOT).replaceAll("[^+\\-a-z0-9]+", "_") + ".json";
  }

  /** Where under {@link #DIRECTORY} a document is filed: the year of its initial release (its publication), its 5.1 name. */
  static String path(String trackingId, Instant published) {
    return timestamp(published).substring(0, 4) + "/" + fileName(trackingId);
  }

  /** Every published document, the latest change first (as changes.csv wants them), then by path. */
  List<Document> documents() {
    return advisories.all().stream()
        .filter(Advisory::disclosed)
        .map(this::document)
        .sorted(Comparator.comparing(Document::changed).reversed().thenComparing(Document::path))
        .toList();
  }

  /** The document at {@code <year>/<fileName>}; empty for any other, a case that is not public as for none. */
  Optional<Document> document(String year, String fileName) {
    String path = year + "/" + fileName;
    return documents().stream().filter(document -> document.path().equals(path)).findFirst();
  }

  /** When the distribution last changed: the latest change of a published document, else {@link #NOTHING_PUBLISHED}. */
  Instant lastUpdated(List<Document> documents) {
    return documents.stream().map(Document::changed).max(Comparator.naturalOrder()).orElse(NOTHING_PUBLISHED);
  }

  /** CSAF 7.1.12: every document's path, one a line (in the order of changes.csv). */
  String index(List<Document> documents) {
    return documents.stream().map(document -> document.path() + "\n").collect(Collectors.joining());
  }

  /** CSAF 7.1.13: path and {@code current_release_date} of every document, quoted, no heading, the latest first. */
  String changes(List<Document> documents) {
    return documents.stream()
        .map(document -> "\"" + document.path() + "\",\"" + timestamp(document.changed()) + "\"\n")
        .collect(Collectors.joining());
  }

  /** CSAF 7.1.7: the provider metadata, valid against CSAF's {@code provider_json_schema.json}. */
  ObjectNode providerMetadata(List<Document> documents) {
    ObjectNode metadata = JSON.objectNode().put("canonical_url", publicUrl.link(PROVIDER_METADATA));
    ArrayNode distributions = metadata.putArray("distributions");
    distributions.addObject().put("directory_url", publicUrl.link(DIRECTORY + "/"));
    distributions.addObject().putObject("rolie").putArray("feeds").addObject()
        .put("summary", "All TLP:WHITE advisories of " + publisherName() + ".")
        .put("tlp_label", "WHITE")
        .put("url", publicUrl.link(FEED));
    return metadata
        .put("last_updated", timestamp(lastUpdated(documents)))
        .put("list_on_CSAF_aggregators", properties.listOnAggregators())
        .put("metadata_version", "2.0")
        .put("mirror_on_CSAF_aggregators", properties.mirrorOnAggregators())
        .<ObjectNode>set("publisher", csaf.publisher())
        .put("role", properties.role());
  }

  /** CSAF 7.1.15: the ROLIE feed (RFC 8322, in JSON as CSAF's example) of every TLP:WHITE document. */
  ObjectNode feed(List<Document> documents) {
    ObjectNode feed = JSON.objectNode();
    ObjectNode body = feed.putObject("feed")
        .put("id", "csaf-feed-tlp-white")
        .put("title", publisherName() + " CSAF feed (TLP:WHITE)");
    body.putArray("link").addObject().put("rel", "self").put("href", publicUrl.link(FEED));
    body.putArray("category").addObject()
        .put("scheme", "urn:ietf:params:rolie:category:information-type").put("term", "csaf");
    body.put("updated", timestamp(lastUpdated(documents)));
    ArrayNode entries = body.putArray("entry");
    for (Document document : documents) {
      String url = publicUrl.link(DIRECTORY + "/" + document.path());
      ObjectNode entry = entries.addObject().put("id", document.trackingId()).put("title", document.title());
      ArrayNode links = entry.putArray("link");
      links.addObject().put("rel", "self").put("href", url);
      links.addObject().put("rel", "hash").put("href", url + ".sha256");
      entry.put("published", timestamp(document.released())).put("updated", timestamp(document.changed()));
      entry.putObject("content").put("type", "application/json").put("src", url);
      entry.putObject("format").put("schema", CSAF_SCHEMA).put("version", CsafAdvisory.CSAF_VERSION);
    }
    return feed;
  }

  /** The bytes a JSON file of the distribution is served as. */
  static byte[] bytes(ObjectNode json) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of JSON nodes always serializes", e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private String publisherName() {
    return csaf.publisher().get("name").asText();
  }

  /** The document where CSAF 7.1.11 puts it: in the folder of its initial release's year, named per 5.1. */
  private Document document(Advisory advisory) {
    String trackingId = csaf.trackingId(advisory);
    String path = path(trackingId, advisory.publishedAt().orElseThrow());
    ObjectNode written = csaf.write(advisory, URI.create(publicUrl.link(DIRECTORY + "/" + path)));
    if (!"WHITE".equals(written.at("/document/distribution/tlp/label").asText())) {
      throw new IllegalStateException("a disclosed case's CSAF document is TLP:WHITE");
    }
    return new Document(trackingId, written.at("/document/title").asText(), path,
        Instant.parse(written.at("/document/tracking/initial_release_date").asText()),
        Instant.parse(written.at("/document/tracking/current_release_date").asText()), bytes(written));
  }
}
