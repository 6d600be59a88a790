package io.github.securityrelease.advisory;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * R18: how the public advisory pages, feeds and CSAF files are answered. They are public data:
 * cached publicly for a while, with a strong ETag, the SHA-256 of the bytes served. Spring answers a
 * matching {@code If-None-Match} with 304 and no body (HttpEntityMethodProcessor), and its Security
 * adds no {@code no-cache} where a {@code Cache-Control} is set.
 */
final class PublicFiles {

  private PublicFiles() {}

  static ResponseEntity.BodyBuilder ok(CacheControl cache, MediaType type, byte[] bytes) {
    return ResponseEntity.ok().contentType(type).cacheControl(cache).eTag("\"" + CsafDistribution.sha256(bytes) + "\"");
  }
}
