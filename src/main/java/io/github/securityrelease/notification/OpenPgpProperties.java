package io.github.securityrelease.notification;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embargoed notices to the distributors as PGP/MIME (R14, R16, R27): the service's own
 * OpenPGP key that signs them, and whether a distributor without a key may get them in clear.
 * The keys of the distributors themselves are in the registry ({@code distributors}); the notices
 * are encrypted to them whatever is set here. Under {@code security-release.distributors}, beside
 * the registry's other keys, because that is where an operator looks for them.
 *
 * @param signingKey the service's OpenPGP secret key, ASCII-armoured, from
 *     SECURITY_RELEASE_DISTRIBUTORS_SIGNING_KEY; never logged. Unset with {@code signingKeyFile}
 *     unset too: the notices are encrypted but not signed, and no public key is published
 * @param signingKeyFile a file holding that key, in place of {@code signingKey}
 * @param signingKeyPassphrase the secret key's passphrase, from
 *     SECURITY_RELEASE_DISTRIBUTORS_SIGNING_KEY_PASSPHRASE; never logged
 * @param requireEncryption a distributor without a valid key gets no embargoed content in clear:
 *     a notice that the content waits for its key, and the team is alerted
 */
@ConfigurationProperties("security-release.distributors")
public record OpenPgpProperties(
    String signingKey,
    Path signingKeyFile,
    String signingKeyPassphrase,
    @DefaultValue("false") boolean requireEncryption) {

  public OpenPgpProperties {
    if (present(signingKey) && signingKeyFile != null) {
      throw new IllegalArgumentException(
          "security-release.distributors: set signing-key or signing-key-file, not both");
    }
  }

  /** Whether the service has a key of its own to sign with. */
  public boolean signing() {
    return present(signingKey) || signingKeyFile != null;
  }

  /** Never the key or its passphrase: a record's own toString would print them. */
  @Override
  public String toString() {
    return "OpenPgpProperties[signingKey=" + (present(signingKey) ? "***" : null) + ", signingKeyFile="
        + signingKeyFile + ", signingKeyPassphrase=" + (present(signingKeyPassphrase) ? "***" : null)
        + ", requireEncryption=" + requireEncryption + "]";
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
