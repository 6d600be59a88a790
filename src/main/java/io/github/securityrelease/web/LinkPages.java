package io.github.securityrelease.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answers of the pages a link opens without an account (the reporter's, a distributor's):
 * their token in the address is the key, so they are never cached, indexed or framed, run no
 * script, and send no {@code Referer} beyond the service.
 */
public final class LinkPages {

  /**
   * No script at all, the service's own style sheet, never framed, forms only to here; and
   * no cache, since the token is in the address.
   */
  public static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  /**
   * The token in the address never leaves the service's origin: no {@code Referer} to anyone
   * else. Within it the browser sends one, and with it the page's {@code Origin} with its forms,
   * which {@code no-referrer} would make {@code null} (what {@link SameOrigin} checks in a
   * browser without {@code Sec-Fetch-Site}).
   */
  public static final String REFERRER_POLICY = "same-origin";

  private static final String NOT_FOUND = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
      <body><p>Not found.</p></body></html>
      """;

  private LinkPages() {}

  /** The page {@code html} with {@code status}. */
  public static ResponseEntity<String> html(HttpStatus status, String html) {
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", POLICY)
        .header("Referrer-Policy", REFERRER_POLICY)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("X-Robots-Tag", "noindex, nofollow")
        .body(html);
  }

  /** One answer for every token that opens nothing, whatever the reason. */
  public static ResponseEntity<String> notFound() {
    return html(HttpStatus.NOT_FOUND, NOT_FOUND);
  }

  /** 303: the browser shows the page again, with a GET, and a reload sends nothing. */
  public static ResponseEntity<String> backTo(String page) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(page))
        .header("Referrer-Policy", REFERRER_POLICY)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  /** An HTML template from the classpath: every value escaped, an absent one empty. */
  public static Template compile(String path) {
    try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
      return Mustache.compiler().escapeHTML(true).nullValue("").emptyStringIsFalse(true).compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Template unreadable: " + path, e);
    }
  }
}
