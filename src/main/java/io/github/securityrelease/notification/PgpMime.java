package io.github.securityrelease.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPMessageGenerator;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.springframework.mail.MailPreparationException;
import org.springframework.stereotype.Component;

/**
 * PGP/MIME (RFC 3156, section 6.2): a MIME part signed with the service's key and encrypted, in
 * one OpenPGP message, to every encryption subkey its recipients' keys hold that is valid now;
 * sent as {@code multipart/encrypted; protocol="application/pgp-encrypted"} with its two parts,
 * the version and the armoured message. Bouncy Castle does the OpenPGP; nothing here is crypto.
 */
@Component
public class PgpMime {

  static final String PROTOCOL = "application/pgp-encrypted";

  private final OpenPGPApi api = new BcOpenPGPApi();
  private final ServiceKey serviceKey;

  PgpMime(ServiceKey serviceKey) {
    this.serviceKey = serviceKey;
  }

  /** {@code content}, headers and all, signed and encrypted to {@code armouredKeys} (each a public key). */
  MimeMultipart encrypted(MimeBodyPart content, List<String> armouredKeys) {
    try {
      MimeMultipart encrypted = new MimeMultipart("encrypted; protocol=\"" + PROTOCOL + "\"");
      MimeBodyPart version = new MimeBodyPart();
      version.setText("Version: 1\r\n", "US-ASCII");
      version.setHeader("Content-Type", PROTOCOL);
      version.setDescription("PGP/MIME version identification");
      encrypted.addBodyPart(version);
      MimeBodyPart message = new MimeBodyPart();
      message.setText(armoured(content, armouredKeys), "US-ASCII");
      message.setHeader("Content-Type", "application/octet-stream; name=\"encrypted.asc\"");
      message.setHeader("Content-Transfer-Encoding", "7bit");
      message.setDescription("OpenPGP encrypted message");
      message.setDisposition("inline; filename=\"encrypted.asc\"");
      encrypted.addBodyPart(message);
      return encrypted;
    } catch (MessagingException e) {
      throw new MailPreparationException("Cannot build the PGP/MIME parts", e);
    }
  }

  private String armoured(MimeBodyPart content, List<String> armouredKeys) {
    if (armouredKeys.isEmpty()) {
      throw new IllegalArgumentException("An encrypted notice needs at least one recipient's key");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      OpenPGPMessageGenerator generator = api.signAndOrEncryptMessage().setArmored(true)
          // a padding packet (RFC 9580) is unknown to the GnuPG 2.2 many distributors run, and
          // without the armour's checksum it misses the end line where the last one needs no '='
          .setAllowPadding(false)
          .setArmorStreamFactory(armour -> ArmoredOutputStream.builder().enableCRC(true).build(armour));
      for (String armouredKey : armouredKeys) {
        generator.addEncryptionCertificate(certificate(armouredKey));
      }
      if (serviceKey.key().isPresent()) {
        generator.addSigningKey(serviceKey.key().get(), serviceKey.passphrase());
      }
      try (OutputStream plain = generator.open(out)) {
        content.writeTo(plain);
      }
    } catch (IOException | PGPException | MessagingException e) {
      throw new MailPreparationException("Cannot sign and encrypt the notice (" + e.getClass().getSimpleName() + ")", e);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }

  /**
   * Those of {@code armouredKeys} a notice can be encrypted to at {@code at}: each has an
   * encryption subkey neither expired nor revoked then. A key that cannot be read is left out.
   */
  public List<String> usable(List<String> armouredKeys, Instant at) {
    return armouredKeys.stream().filter(armoured -> {
      try {
        return !certificate(armoured).getEncryptionKeys(Date.from(at)).isEmpty();
      } catch (IOException | RuntimeException unreadable) {
        return false;
      }
    }).toList();
  }

  private OpenPGPCertificate certificate(String armoured) throws IOException {
    return api.readKeyOrCertificate().parseCertificate(armoured);
  }
}
