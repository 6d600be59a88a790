package io.github.securityrelease.notification;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public half of the service's OpenPGP key ({@link ServiceKey}), open without an account
 * (security/SecurityConfig's {@code pages} chain), so that a distributor can fetch it and check
 * the signatures of its notices. Its fingerprint travels as a header too, to compare with the
 * one the team gave out of band. 404 while the service has no key.
 */
@RestController
class ServiceKeyController {

  static final String PATH = "/distributors/openpgp-key.asc";
  static final String FINGERPRINT_HEADER = "OpenPGP-Fingerprint";

  private static final MediaType PGP_KEYS = MediaType.parseMediaType("application/pgp-keys");

  private final ServiceKey key;

  ServiceKeyController(ServiceKey key) {
    this.key = key;
  }

  @GetMapping(PATH)
  ResponseEntity<String> publicKey() {
    return key.publicKey()
        .map(armoured -> ResponseEntity.ok().contentType(PGP_KEYS)
            .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
            .header(FINGERPRINT_HEADER, key.fingerprint().orElseThrow())
            .body(armoured))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
