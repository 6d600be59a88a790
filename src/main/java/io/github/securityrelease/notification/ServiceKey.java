package io.github.securityrelease.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.KeyPassphraseProvider;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKey.OpenPGPSecretKey;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The service's own OpenPGP key, which signs the embargoed notices (R14, R16): read once at
 * start from {@code security-release.distributors.signing-key} or {@code signing-key-file} and
 * unlocked with its passphrase, so that a wrong key or passphrase stops the start-up rather than
 * the first notice. Its fingerprint is logged; its public half is what distributors fetch to check
 * the signatures ({@link ServiceKeyController}). Neither the key nor its passphrase is ever logged,
 * nor named in an exception.
 */
@Component
public class ServiceKey {

  private static final Logger log = LoggerFactory.getLogger(ServiceKey.class);

  private final OpenPGPKey key;
  private final char[] passphrase;

  ServiceKey(OpenPgpProperties properties) {
    if (!properties.signing()) {
      key = null;
      passphrase = null;
      log.warn("No OpenPGP key of the service (security-release.distributors.signing-key): notices to distributors "
          + "with a key are encrypted but not signed, and no public key is published");
      return;
    }
    passphrase = properties.signingKeyPassphrase() == null ? new char[0]
        : properties.signingKeyPassphrase().toCharArray();
    key = read(properties);
    log.info("Notices to distributors are signed with the service's OpenPGP key {}", fingerprint().orElseThrow());
  }

  /** The primary key's fingerprint, upper-case hexadecimal; empty when the service has no key. */
  public Optional<String> fingerprint() {
    return Optional.ofNullable(key).map(k -> HexFormat.of().withUpperCase().formatHex(k.getFingerprint()));
  }

  /** The public half, ASCII-armoured, as distributors import it; empty when the service has no key. */
  public Optional<String> publicKey() {
    if (key == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(key.toCertificate().toAsciiArmoredString());
    } catch (IOException e) {
      throw new UncheckedIOException("The service's public key cannot be armoured", e);
    }
  }

  Optional<OpenPGPKey> key() {
    return Optional.ofNullable(key);
  }

  KeyPassphraseProvider passphrase() {
    return new KeyPassphraseProvider.DefaultKeyPassphraseProvider(key, passphrase.clone());
  }

  private OpenPGPKey read(OpenPgpProperties properties) {
    String where = properties.signingKeyFile() != null ? "security-release.distributors.signing-key-file ("
        + properties.signingKeyFile() + ")" : "security-release.distributors.signing-key";
    OpenPGPKey read;
    try {
      String armoured = properties.signingKeyFile() != null ? Files.readString(properties.signingKeyFile())
          : properties.signingKey();
      read = new BcOpenPGPApi().readKeyOrCertificate().parseKey(armoured);
    } catch (IOException | RuntimeException e) {
      // the cause's text may quote what it read: its type alone
      throw new IllegalStateException(where + " is no ASCII-armoured OpenPGP secret key (" + e.getClass().getSimpleName()
          + ")");
    }
    if (read.getSigningKeys().isEmpty()) {
      throw new IllegalStateException(where + " has no valid signing key (expired, revoked, or encryption only)");
    }
    for (var signing : read.getSigningKeys()) {
      OpenPGPSecretKey secret = read.getSecretKey(signing);
      if (secret == null || !secret.isPassphraseCorrect(passphrase)) {
        throw new IllegalStateException("The passphrase (security-release.distributors.signing-key-passphrase) does "
            + "not unlock the signing key of " + where);
      }
      try {
        secret.unlock(passphrase);
      } catch (PGPException e) {
        throw new IllegalStateException("The signing key of " + where + " cannot be unlocked ("
            + e.getClass().getSimpleName() + ")");
      }
    }
    return read;
  }
}
