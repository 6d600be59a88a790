package io.github.securityrelease.distributors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.securityrelease.TestOpenPgpKeys;
import io.github.securityrelease.distributors.OpenPgpKeys.RefusedKeyException;
import io.github.securityrelease.web.InvalidFieldException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading and checking a distributor's OpenPGP public keys: real keys made by GnuPG (src/test/resources/openpgp). */
class OpenPgpKeysTest {

  static final Instant NOW = TestOpenPgpKeys.NOW;

  @Test
  @DisplayName("R14 an RSA 4096 key with an encryption subkey is read: fingerprint, algorithm, bits, creation, no expiry, user ID")
  void rsa4096() {
    OpenPgpKey key = OpenPgpKeys.read(TestOpenPgpKeys.armoured("rsa4096"), NOW);

    assertThat(key.fingerprint()).isEqualTo("69B9A5235ED5790A310E8829F68EC948A71E5DC8");
    assertThat(key.algorithm()).isEqualTo("RSA");
    assertThat(key.bits()).isEqualTo(4096);
    assertThat(key.createdAt()).isEqualTo(Instant.ofEpochSecond(1796222711));
    assertThat(key.expiresAt()).isNull();
    assertThat(key.userIds()).containsExactly("Distro One Security <security@distro-one.example>");
    assertThat(key.armoured()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----")
        .isEqualTo(TestOpenPgpKeys.armoured("rsa4096").strip());
    assertThat(key.validAt(NOW)).isTrue();
  }

  @Test
  @DisplayName("R14 an Ed25519 key with a Cv25519 subkey is read with both of its user IDs")
  void ed25519() {
    OpenPgpKey key = OpenPgpKeys.read(TestOpenPgpKeys.armoured("ed25519"), NOW);

    assertThat(key.fingerprint()).isEqualTo("99BDB58D2D654B1104DF12AF93AA6BA4F36D2307");
    assertThat(key.algorithm()).isEqualTo("EdDSA Ed25519");
    assertThat(key.bits()).isGreaterThanOrEqualTo(255);
    assertThat(key.userIds()).containsExactlyInAnyOrder("Distro Two Security <security@distro-two.example>",
        "Distro Two PSIRT <psirt@distro-two.example>");
  }

  @Test
  @DisplayName("R14 a NIST P-256 key (ECDSA, ECDH subkey) is accepted")
  void nistP256() {
    OpenPgpKey key = OpenPgpKeys.read(TestOpenPgpKeys.armoured("nistp256"), NOW);

    assertThat(key.fingerprint()).isEqualTo("D4548BC8F4E76A64A7FC00FE21EAB31AC3DD1209");
    assertThat(key.algorithm()).isEqualTo("ECDSA NIST P-256");
    assertThat(key.bits()).isEqualTo(256);
  }

  @Test
  @DisplayName("R14 RSA 2048 is weaker than current practice: refused, saying what is accepted")
  void weak() {
    assertRefused("rsa2048", "is too weak: the primary key is RSA of 2048 bits", "at least 3072 bits");
  }

  @Test
  @DisplayName("R14 an expired key is refused with the day it expired")
  void expired() {
    assertRefused("expired", "expired on 2020-12-31 00:00 UTC", "AFB80937CF5E39265B3D064CA4D3F11AD1F4A7B4");
  }

  @Test
  @DisplayName("R14 a revoked key is refused")
  void revoked() {
    assertRefused("revoked", "is revoked (key A0E358B1190EA168D8C439195BDEA9340C9CE708)");
  }

  @Test
  @DisplayName("R14 a sign-only key has nothing to encrypt to: refused, saying how to add an encryption subkey")
  void signOnly() {
    assertRefused("sign-only", "has no key usable for encryption", "gpg --quick-add-key");
  }

  @Test
  @DisplayName("R14 a valid key whose only encryption subkey expired is refused, naming the subkey")
  void encryptionSubkeyExpired() {
    assertRefused("subkey-expired", "has no key usable for encryption",
        "subkey 73BDB4DA0CF7A229FBB2BB1DFD18EBC2AC3CEAC0 expired on 2020-12-31");
  }

  @Test
  @DisplayName("R14 the key expires when its last encryption subkey does, if sooner than the primary key")
  void expiryOfEncryption() {
    Instant before = Instant.parse("2020-06-01T00:00:00Z");
    OpenPgpKey key = OpenPgpKeys.read(TestOpenPgpKeys.armoured("subkey-expired"), before);

    assertThat(key.expiresAt()).isEqualTo(Instant.parse("2020-12-31T00:00:00Z"));
    assertThat(key.validAt(before)).isTrue();
    assertThat(key.validAt(NOW)).isFalse();
  }

  @Test
  @DisplayName("R14 two keys in one block are refused: each key is an entry of its own")
  void severalKeys() {
    assertRefused("two-keys", "holds several keys");
    String twoBlocks = TestOpenPgpKeys.armoured("rsa4096") + "\n" + TestOpenPgpKeys.armoured("ed25519");
    assertThatThrownBy(() -> OpenPgpKeys.read(twoBlocks, NOW)).hasMessageContaining("holds several keys");
  }

  @Test
  @DisplayName("R14 a secret key block is refused, never echoed: the refusal quotes none of it")
  void secretKey() throws Exception {
    String secret = secretKeyBlock();
    assertThat(secret).contains("PRIVATE KEY BLOCK");

    assertThatThrownBy(() -> OpenPgpKeys.read(secret, NOW))
        .isInstanceOf(RefusedKeyException.class)
        .hasMessageStartingWith("is a secret (private) key: it is neither accepted nor stored")
        .satisfies(e -> secret.lines().filter(line -> line.length() > 16 && !line.startsWith("-----"))
            .forEach(line -> assertThat(e.getMessage()).doesNotContain(line)));
  }

  @Test
  @DisplayName("R14 garbage, an empty text, a damaged block and a signature are refused as no public key")
  void garbage() {
    assertThatThrownBy(() -> OpenPgpKeys.read("not a key at all", NOW))
        .hasMessageStartingWith("is not an ASCII-armoured OpenPGP public key");
    assertThatThrownBy(() -> OpenPgpKeys.read("  ", NOW)).hasMessageStartingWith("is empty");
    assertThatThrownBy(() -> OpenPgpKeys.read(null, NOW)).hasMessageStartingWith("is empty");
    String rsa = TestOpenPgpKeys.armoured("rsa4096");
    String damaged = rsa.substring(0, rsa.length() / 2) + "\n-----END PGP PUBLIC KEY BLOCK-----\n";
    assertThatThrownBy(() -> OpenPgpKeys.read(damaged, NOW))
        .hasMessageStartingWith("is not a readable OpenPGP public key");
    String noise = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nSGVsbG8sIHdvcmxkIQ==\n=AAAA\n-----END PGP PUBLIC KEY BLOCK-----\n";
    assertThatThrownBy(() -> OpenPgpKeys.read(noise, NOW)).isInstanceOf(RefusedKeyException.class);
  }

  @Test
  @DisplayName("R14 a text over 16 KiB is refused before it is parsed")
  void oversize() {
    String big = TestOpenPgpKeys.armoured("ed25519") + " ".repeat(OpenPgpKeys.MAX_CHARACTERS);
    assertThatThrownBy(() -> OpenPgpKeys.read(big, NOW)).hasMessageStartingWith("is larger than 16 KiB");
  }

  @Test
  @DisplayName("R14 a list: each refusal names its entry, the same key twice and more than five keys are refused")
  void list() {
    OpenPgpKeys keys = new OpenPgpKeys(Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(keys.readAll(null, "openpgpKeys")).as("none given: the keys stay as they are").isNull();
    assertThat(keys.readAll(List.of(), "openpgpKeys")).isEmpty();
    assertThat(keys.readAll(List.of(TestOpenPgpKeys.armoured("ed25519"), TestOpenPgpKeys.armoured("rsa4096")), "openpgpKeys"))
        .extracting(OpenPgpKey::fingerprint)
        .containsExactly("99BDB58D2D654B1104DF12AF93AA6BA4F36D2307", "69B9A5235ED5790A310E8829F68EC948A71E5DC8");
    assertThatThrownBy(() -> keys.readAll(List.of(TestOpenPgpKeys.armoured("ed25519"), TestOpenPgpKeys.armoured("expired")),
        "openpgpKeys"))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("openpgpKeys[1]");
          assertThat(e.getMessage()).startsWith("expired on 2020-12-31");
        });
    assertThatThrownBy(() -> keys.readAll(List.of(TestOpenPgpKeys.armoured("ed25519"), TestOpenPgpKeys.armoured("ed25519")),
        "openpgpKeys"))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("openpgpKeys[1]");
          assertThat(e.getMessage()).contains("same key as openpgpKeys[0]");
        });
    List<String> six = new ArrayList<>(Collections.nCopies(6, TestOpenPgpKeys.armoured("ed25519")));
    assertThatThrownBy(() -> keys.readAll(six, "openpgpKeys"))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("openpgpKeys"));
  }

  private static void assertRefused(String name, String... reasons) {
    assertThatThrownBy(() -> OpenPgpKeys.read(TestOpenPgpKeys.armoured(name), NOW))
        .isInstanceOf(RefusedKeyException.class)
        .hasMessageStartingWith(reasons[0])
        .satisfies(e -> assertThat(e.getMessage()).contains(reasons));
  }

  /** An Ed25519 secret key block without a passphrase, made here: no secret key is kept in the repository. */
  static String secretKeyBlock() throws PGPException, IOException {
    Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
    generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
    BcPGPKeyPair pair = new BcPGPKeyPair(PublicKeyAlgorithmTags.EDDSA_LEGACY, generator.generateKeyPair(), new Date());
    PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair,
        "Careless Distro <security@careless.example>", new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
        null, null, new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512), null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ArmoredOutputStream armour = new ArmoredOutputStream(bytes)) {
      rings.generateSecretKeyRing().encode(armour);
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }
}
