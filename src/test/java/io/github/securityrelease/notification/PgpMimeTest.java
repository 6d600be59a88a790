package io.github.securityrelease.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPMessageInputStream;
import org.bouncycastle.openpgp.api.OpenPGPSignature.OpenPGPDocumentSignature;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PGP/MIME as RFC 3156 has it, read back with Bouncy Castle (GnuPG reads it in EncryptedNoticesIT). */
class PgpMimeTest {

  private static final String PASSPHRASE = "correct horse battery staple";
  private static final BcOpenPGPApi API = new BcOpenPGPApi();

  private static OpenPGPKey service;
  private static OpenPGPKey distributor;
  private static OpenPGPKey stranger;
  private static String serviceArmour;

  @BeforeAll
  static void keys() throws Exception {
    service = API.generateKey().ed25519x25519Key("Security team <security@kurator.example>").build(PASSPHRASE.toCharArray());
    serviceArmour = service.toAsciiArmoredString();
    distributor = API.generateKey().ed25519x25519Key("Distro <security@distro.example>").build();
    stranger = API.generateKey().ed25519x25519Key("Stranger <eve@example.net>").build();
  }

  @Test
  @DisplayName("R14 R16 the notice is multipart/encrypted with RFC 3156's two parts, signed with the service's key inside, and only the distributor's key opens it")
  void encryptedAndSigned() throws Exception {
    ServiceKey key = new ServiceKey(new OpenPgpProperties(serviceArmour, null, PASSPHRASE, false));
    MimeBodyPart content = new MimeBodyPart();
    content.setText("CVE-2026-1234 embargoed until 2026-07-01", "UTF-8");

    MimeMultipart encrypted = new PgpMime(key).encrypted(content,
        List.of(distributor.toCertificate().toAsciiArmoredString()));
    MimeMessage mail = sent(encrypted);

    MimeMultipart read = (MimeMultipart) mail.getContent();
    assertThat(mail.getContentType()).startsWith("multipart/encrypted")
        .contains("protocol=\"application/pgp-encrypted\"");
    assertThat(read.getCount()).isEqualTo(2);
    assertThat(read.getBodyPart(0).getContentType()).startsWith("application/pgp-encrypted");
    assertThat(text(read.getBodyPart(0))).contains("Version: 1");
    assertThat(read.getBodyPart(1).getContentType()).startsWith("application/octet-stream");
    String armoured = text(read.getBodyPart(1));
    assertThat(armoured).startsWith("-----BEGIN PGP MESSAGE-----").doesNotContain("CVE-2026-1234")
        .as("with its checksum, without which GnuPG 2.2 can miss the end line")
        .containsPattern("\n=[A-Za-z0-9+/]{4}\r?\n-----END PGP MESSAGE-----");

    OpenPGPMessageInputStream plain = API.decryptAndOrVerifyMessage().addDecryptionKey(distributor)
        .addVerificationCertificate(service.toCertificate())
        .process(new ByteArrayInputStream(armoured.getBytes(StandardCharsets.US_ASCII)));
    String decrypted = new String(plain.readAllBytes(), StandardCharsets.UTF_8);
    plain.close();
    assertThat(new MimeBodyPart(new ByteArrayInputStream(decrypted.getBytes(StandardCharsets.UTF_8))).getContent())
        .isEqualTo("CVE-2026-1234 embargoed until 2026-07-01");
    List<OpenPGPDocumentSignature> signatures = plain.getResult().getSignatures();
    assertThat(signatures).hasSize(1);
    assertThat(signatures.get(0).isValid()).isTrue();
    assertThat(HexFormat.of().withUpperCase().formatHex(signatures.get(0).getIssuerCertificate().getFingerprint()))
        .isEqualTo(key.fingerprint().orElseThrow());

    assertThatThrownBy(() -> {
      try (InputStream other = API.decryptAndOrVerifyMessage().addDecryptionKey(stranger)
          .process(new ByteArrayInputStream(armoured.getBytes(StandardCharsets.US_ASCII)))) {
        other.readAllBytes();
      }
    }).as("another key").isInstanceOf(Exception.class);
  }

  @Test
  @DisplayName("R14 without a key of its own the service still encrypts, unsigned, and publishes no key")
  void unsigned() throws Exception {
    ServiceKey none = new ServiceKey(new OpenPgpProperties(null, null, null, false));
    assertThat(none.publicKey()).isEmpty();
    assertThat(none.fingerprint()).isEmpty();
    MimeBodyPart content = new MimeBodyPart();
    content.setText("embargoed", "UTF-8");
    String armoured = text(new PgpMime(none).encrypted(content,
        List.of(distributor.toCertificate().toAsciiArmoredString())).getBodyPart(1));
    OpenPGPMessageInputStream plain = API.decryptAndOrVerifyMessage().addDecryptionKey(distributor)
        .process(new ByteArrayInputStream(armoured.getBytes(StandardCharsets.US_ASCII)));
    assertThat(new String(plain.readAllBytes(), StandardCharsets.UTF_8)).contains("embargoed");
    plain.close();
    assertThat(plain.getResult().getSignatures()).isEmpty();
  }

  @Test
  @DisplayName("R14 a key without an encryption subkey, or no key at all, is not usable")
  void usable() throws Exception {
    PgpMime pgpMime = new PgpMime(new ServiceKey(new OpenPgpProperties(null, null, null, false)));
    String signOnly = API.generateKey().signOnlyKey().addUserId("Sign only <s@example.net>").build()
        .toCertificate().toAsciiArmoredString();
    String good = distributor.toCertificate().toAsciiArmoredString();
    assertThat(pgpMime.usable(List.of(signOnly, "not a key", good), Instant.now())).containsExactly(good);
  }

  @Test
  @DisplayName("a wrong passphrase stops the start, and neither the passphrase nor the key is in the message or toString")
  void secretsStayOut() {
    OpenPgpProperties wrong = new OpenPgpProperties(serviceArmour, null, "wrong passphrase", false);
    assertThatThrownBy(() -> new ServiceKey(wrong)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("signing-key-passphrase")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong passphrase", "PGP PRIVATE KEY"));
    assertThatThrownBy(() -> new ServiceKey(new OpenPgpProperties("-----BEGIN PGP PRIVATE KEY BLOCK-----\nx9Qm7zLk2", null,
        PASSPHRASE, false))).isInstanceOf(IllegalStateException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("x9Qm7zLk2", PASSPHRASE));
    assertThat(new OpenPgpProperties(serviceArmour, null, PASSPHRASE, true).toString())
        .doesNotContain(PASSPHRASE, "PGP PRIVATE KEY").contains("***", "requireEncryption=true");
  }

  private static MimeMessage sent(MimeMultipart content) throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setContent(content);
    message.saveChanges();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
  }

  private static String text(BodyPart part) throws Exception {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
