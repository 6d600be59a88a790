package io.github.securityrelease.advisory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * R18: the public advisory pages, open without an account (security/SecurityConfig's
 * {@code pages} chain): {@code /advisories}, {@code /advisories/<CVE ID>}, its OSV JSON at
 * {@code /advisories/<CVE ID>.osv.json} and the Atom feed {@code /advisories/feed.atom}.
 * R27: only what {@link PublicAdvisories} gives; a CVE ID that is not public gets the answer of
 * one that never was, and anything else under {@code /advisories/} the same 404.
 *
 * <p>Public data, cached: {@code Cache-Control: public, max-age=300} and an {@code ETag} from the
 * body (so from public advisories only), a 304 for a matching {@code If-None-Match}. Set here,
 * they win over Spring Security's no-cache headers, which it writes only where none is set.
 */
@RestController
class PublicAdvisoryController {

  /** No script at all, the service's own style sheet, never framed, no form. */
  static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'none'; "
      + "frame-ancestors 'none'; base-uri 'none'";

  static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

  private static final String CVE = "{cveId:CVE-\\d{4}-\\d{4,19}}";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final PublicAdvisories advisories;
  private final AdvisoryPages pages;
  private final AdvisoryFeed feed;
  private final OsvAdvisory osv;

  PublicAdvisoryController(PublicAdvisories advisories, AdvisoryPages pages, AdvisoryFeed feed, OsvAdvisory osv) {
    this.advisories = advisories;
    this.pages = pages;
    this.feed = feed;
    this.osv = osv;
  }

  @GetMapping(AdvisoryPages.PATH)
  ResponseEntity<String> list() {
    return cached(html(), pages.list(advisories.all()));
  }

  @GetMapping(AdvisoryPages.PATH + "/" + CVE)
  ResponseEntity<String> one(@PathVariable String cveId) {
    return advisories.find(cveId)
        .map(advisory -> cached(html(), pages.one(advisory)))
        .orElseGet(PublicAdvisoryController::notFound);
  }

  @GetMapping(AdvisoryPages.PATH + "/" + CVE + ".osv.json")
  ResponseEntity<String> osv(@PathVariable String cveId) {
    return advisories.find(cveId)
        .map(advisory -> cached(MediaType.APPLICATION_JSON, json(advisory)))
        .orElseGet(PublicAdvisoryController::notFound);
  }

  @GetMapping(AdvisoryPages.FEED_PATH)
  ResponseEntity<String> feed() {
    return cached(new MediaType("application", "atom+xml", StandardCharsets.UTF_8), feed.write(advisories.all()));
  }

  /** Whatever else is asked for here: the answer of an advisory that is not public. */
  @GetMapping(AdvisoryPages.PATH + "/**")
  ResponseEntity<String> elsewhere() {
    return notFound();
  }

  private String json(Advisory advisory) {
    try {
      return JSON.writeValueAsString(osv.write(advisory));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("The OSV advisory could not be written", e);
    }
  }

  private static ResponseEntity<String> cached(MediaType type, String body) {
    return PublicFiles.ok(CACHE, type, body.getBytes(StandardCharsets.UTF_8)).header("Content-Security-Policy", POLICY)
        .body(body);
  }

  private static ResponseEntity<String> notFound() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(html())
        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
        .header("Content-Security-Policy", POLICY)
        .body(AdvisoryPages.notFound());
  }

  private static MediaType html() {
    return new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
  }
}
