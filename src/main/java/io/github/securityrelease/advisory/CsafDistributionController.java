package io.github.securityrelease.advisory;

import static io.github.securityrelease.advisory.CsafDistribution.CHANGES;
import static io.github.securityrelease.advisory.CsafDistribution.DIRECTORY;
import static io.github.securityrelease.advisory.CsafDistribution.FEED;
import static io.github.securityrelease.advisory.CsafDistribution.INDEX;
import static io.github.securityrelease.advisory.CsafDistribution.PROVIDER_METADATA;

import io.github.securityrelease.advisory.CsafDistribution.Document;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * R18: the CSAF distribution ({@link CsafDistribution}) on the web, without login (the
 * {@code pages} chain lets anyone GET outside {@code /api}). Every file is public data: cached
 * publicly for {@code security-release.advisory.csaf.distribution.max-age}, with an ETag
 * (the hash of the bytes) that answers a matching {@code If-None-Match} with 304. A path that
 * names no published document, a case that is not public as much as a made-up name, gives the
 * 404 of an unknown path.
 */
@RestController
class CsafDistributionController {

  private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final CsafDistribution distribution;
  private final CacheControl cache;

  CsafDistributionController(CsafDistribution distribution, CsafDistributionProperties properties) {
    this.distribution = distribution;
    this.cache = CacheControl.maxAge(properties.maxAge()).cachePublic();
  }

  @GetMapping(PROVIDER_METADATA)
  ResponseEntity<byte[]> providerMetadata() {
    return file(MediaType.APPLICATION_JSON, CsafDistribution.bytes(distribution.providerMetadata(distribution.documents())));
  }

  @GetMapping(FEED)
  ResponseEntity<byte[]> feed() {
    return file(MediaType.APPLICATION_JSON, CsafDistribution.bytes(distribution.feed(distribution.documents())));
  }

  @GetMapping(INDEX)
  ResponseEntity<byte[]> index() {
    return file(TEXT, distribution.index(distribution.documents()));
  }

  @GetMapping(CHANGES)
  ResponseEntity<byte[]> changes() {
    return file(CSV, distribution.changes(distribution.documents()));
  }

  /** A document ({@code .json}) or its hash ({@code .json.sha256}). */
  @GetMapping(DIRECTORY + "/{year:\\d{4}}/{file}")
  ResponseEntity<byte[]> document(@PathVariable String year, @PathVariable String file) throws NoResourceFoundException {
    if (file.endsWith(".json.sha256")) {
      Document document = published(year, file.substring(0, file.length() - ".sha256".length()), file);
      return file(TEXT, document.sha256File());
    }
    return file(MediaType.APPLICATION_JSON, published(year, file, file).bytes());
  }

  /** CSAF 7.1.14: the directory's listing, for people who browse it. */
  @GetMapping({DIRECTORY, DIRECTORY + "/"})
  ResponseEntity<byte[]> directory() {
    TreeSet<String> entries = distribution.documents().stream().map(document -> document.year() + "/")
        .collect(Collectors.toCollection(TreeSet::new));
    entries.add("changes.csv");
    entries.add("csaf-feed-tlp-white.json");
    entries.add("index.txt");
    return file(HTML, listing(DIRECTORY + "/", List.copyOf(entries)));
  }

  /** CSAF 7.1.14: a year folder's listing; a year without a published document is no folder. */
  @GetMapping({DIRECTORY + "/{year:\\d{4}}", DIRECTORY + "/{year:\\d{4}}/"})
  ResponseEntity<byte[]> year(@PathVariable String year) throws NoResourceFoundException {
    TreeSet<String> entries = new TreeSet<>();
    distribution.documents().stream().filter(document -> document.year().equals(year)).forEach(document -> {
      entries.add(document.fileName());
      entries.add(document.fileName() + ".sha256");
    });
    if (entries.isEmpty()) {
      throw notFound(year);
    }
    return file(HTML, listing(DIRECTORY + "/" + year + "/", List.copyOf(entries)));
  }

  private Document published(String year, String fileName, String requested) throws NoResourceFoundException {
    Optional<Document> document = distribution.document(year, fileName);
    if (document.isEmpty()) {
      throw notFound(year + "/" + requested);
    }
    return document.get();
  }

  /** What Spring answers for a path nothing serves: the same whether a hidden case or nothing is behind it. */
  private static NoResourceFoundException notFound(String underDirectory) {
    return new NoResourceFoundException(HttpMethod.GET, DIRECTORY.substring(1) + "/" + underDirectory);
  }

  /** File names and years are {@code [+\-a-z0-9_.]} and digits (CSAF 5.1): nothing to escape. */
  private static String listing(String path, List<String> entries) {
    String items = entries.stream().map(entry -> "<li><a href=\"" + path + entry + "\">" + entry + "</a></li>\n")
        .collect(Collectors.joining());
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Index of " + path
        + "</title></head>\n<body>\n<h1>Index of " + path + "</h1>\n<ul>\n" + items + "</ul>\n</body>\n</html>\n";
  }

  private ResponseEntity<byte[]> file(MediaType type, String text) {
    return file(type, text.getBytes(StandardCharsets.UTF_8));
  }

  private ResponseEntity<byte[]> file(MediaType type, byte[] bytes) {
    return PublicFiles.ok(cache, type, bytes).body(bytes);
  }
}
