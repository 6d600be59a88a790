package io.github.securityrelease.reporter;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reporter's page, at {@code /reporter/{token}}, open without an account: the token is the
 * key. A token that opens nothing gets one answer, whatever the reason (never was, revoked,
 * expired), so that nobody learns which. Rate-limited by {@link ReporterPageRateLimit}.
 */
@RestController
class ReporterPageController {

  /**
   * No script at all, the service's own style sheet, never framed, forms only to here; and
   * no {@code Referer} and no cache, since the token is in the address.
   */
  static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
      + "frame-ancestors 'none'; base-uri 'none'";

  static final String NOT_FOUND = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
      <body><p>Not found.</p></body></html>
      """;

  private final ReporterPage page;

  ReporterPageController(ReporterPage page) {
    this.page = page;
  }

  @GetMapping(LinkMail.PAGE_PATH + "{token}")
  ResponseEntity<String> page(@PathVariable String token) {
    return page.render(token)
        .map(html -> answer(HttpStatus.OK, html))
        .orElseGet(() -> answer(HttpStatus.NOT_FOUND, NOT_FOUND));
  }

  private static ResponseEntity<String> answer(HttpStatus status, String html) {
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", POLICY)
        .header("Referrer-Policy", "no-referrer")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("X-Robots-Tag", "noindex, nofollow")
        .body(html);
  }
}
