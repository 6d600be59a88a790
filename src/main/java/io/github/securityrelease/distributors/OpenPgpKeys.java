package io.github.securityrelease.distributors;

import io.github.securityrelease.web.InvalidFieldException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.BCPGKey;
import org.bouncycastle.bcpg.ECPublicBCPGKey;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.util.encoders.Hex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R14, R16, R27: reads the OpenPGP public keys a distributor registers, with Bouncy Castle, and
 * refuses one the embargoed notices could not safely be encrypted to: not an ASCII-armoured
 * public key, several keys in one block, a secret key (never accepted, never stored), expired,
 * revoked, without a key usable for encryption, weaker than current practice, or too large.
 * Only self-signatures that verify count: a key flag or an expiry nobody signed says nothing.
 * A refusal never quotes the text it was given.
 */
@Component
public class OpenPgpKeys {

  /**
   * One armoured key: an RSA 4096 key with a few user IDs and its subkeys takes under 10 KiB
   * (without third-party signatures). Below the API's 64 KiB a body, so that a body can carry
   * several keys and one oversize key is named.
   */
  static final int MAX_CHARACTERS = 16 * 1024;
  /** Keys per distributor: one or two in use, and the next one while it rolls over. */
  static final int MAX_KEYS = 5;
  /** RSA, DSA and ElGamal below this are weaker than current practice (NIST SP 800-57: 128-bit security). */
  static final int MIN_FINITE_FIELD_BITS = 3072;

  private static final Logger LOG = LoggerFactory.getLogger(OpenPgpKeys.class);
  private static final String BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

  static final String HOW_TO_EXPORT = "export the public key with gpg --armor --export FINGERPRINT";

  /** The elliptic curves accepted, by OID: Curve25519 and Ed25519, Curve448 and Ed448, NIST P-256 and up. */
  private static final Map<String, String> CURVES = Map.of(
      "1.3.6.1.4.1.11591.15.1", "Ed25519",
      "1.3.6.1.4.1.3029.1.5.1", "Cv25519",
      "1.3.101.110", "X25519",
      "1.3.101.111", "X448",
      "1.3.101.112", "Ed25519",
      "1.3.101.113", "Ed448",
      "1.2.840.10045.3.1.7", "NIST P-256",
      "1.3.132.0.34", "NIST P-384",
      "1.3.132.0.35", "NIST P-521");

  private static final Pattern CONTROL = Pattern.compile("[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]");
  /** What the user IDs may take together (the column {@code user_ids}, one a line). */
  private static final int MAX_USER_ID_CHARACTERS = 4000;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private final Clock clock;

  OpenPgpKeys(Clock clock) {
    this.clock = clock;
  }

  /** Why a key was refused: a sentence that completes "openpgpKeys[1]: ...". */
  public static final class RefusedKeyException extends RuntimeException {
    RefusedKeyException(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * The keys of the request's {@code field}, each read and checked now, in the order given;
   * null when the request gave none (its keys stay as they are). A 400 naming the key
   * ({@code openpgpKeys[1]}) or the list for the first that is refused.
   */
  List<OpenPgpKey> readAll(List<String> armoured, String field) {
    if (armoured == null) {
      return null;
    }
    if (armoured.size() > MAX_KEYS) {
      throw new InvalidFieldException(field, "at most " + MAX_KEYS + " keys per distributor");
    }
    Instant now = clock.instant();
    List<OpenPgpKey> keys = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < armoured.size(); i++) {
      String element = field + "[" + i + "]";
      OpenPgpKey key;
      try {
        key = read(armoured.get(i), now);
      } catch (RefusedKeyException e) {
        throw new InvalidFieldException(element, e.getMessage());
      }
      Integer first = seen.putIfAbsent(key.fingerprint(), i);
      if (first != null) {
        throw new InvalidFieldException(element, "is the same key as " + field + "[" + first + "] ("
            + key.fingerprint() + ")");
      }
      keys.add(key);
    }
    return List.copyOf(keys);
  }

  /**
   * Those of {@code armoured} that pass the checks now, in their order: for keys checked before,
   * which may have expired or been revoked since. Each left out is logged with its reason.
   */
  List<OpenPgpKey> stillAcceptable(List<String> armoured, String whose) {
    Instant now = clock.instant();
    List<OpenPgpKey> keys = new ArrayList<>();
    for (int i = 0; i < armoured.size(); i++) {
      try {
        OpenPgpKey key = read(armoured.get(i), now);
        if (keys.stream().noneMatch(other -> other.fingerprint().equals(key.fingerprint()))) {
          keys.add(key);
        }
      } catch (RefusedKeyException e) {
        LOG.warn("OpenPGP key {} of {} left out: it {}", i, whose, e.getMessage());
      }
    }
    return List.copyOf(keys);
  }

  /** Keys as one text, their armoured blocks one after the other (see {@link #split}). */
  static byte[] join(List<OpenPgpKey> keys) {
    return keys.stream().map(OpenPgpKey::armoured).collect(Collectors.joining("\n"))
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** The armoured blocks of {@link #join}'s text, in their order; none for null. */
  static List<String> split(byte[] joined) {
    if (joined == null) {
      return List.of();
    }
    return Arrays.stream(new String(joined, StandardCharsets.US_ASCII).split("(?=" + BEGIN + ")"))
        .map(String::strip).filter(block -> !block.isEmpty()).toList();
  }

  /** One ASCII-armoured public key read and checked as of {@code now}; refused with the reason. */
  public static OpenPgpKey read(String armoured, Instant now) {
    PGPPublicKeyRing ring = ring(armoured);
    PGPPublicKey primary = ring.getPublicKey();
    String fingerprint = Hex.toHexString(primary.getFingerprint()).toUpperCase(Locale.ROOT);
    if (primary.hasRevocation()) {
      throw new RefusedKeyException("is revoked (key " + fingerprint + "): register its successor");
    }
    requireStrong(primary, "the primary key");
    List<String> userIds = userIds(primary);
    Instant created = primary.getCreationTime().toInstant();
    Instant expires = expiry(created, newestSelfSignature(primary));
    if (expires != null && !now.isBefore(expires)) {
      throw new RefusedKeyException("expired on " + DAY.format(expires) + " (key " + fingerprint
          + "): extend it (gpg --quick-set-expire) or register a new one");
    }
    Instant encryptionExpires = encryptionExpiry(ring, now, fingerprint);
    return new OpenPgpKey(fingerprint, algorithm(primary), primary.getBitStrength(), created,
        earlier(expires, encryptionExpires), userIds, armoured.strip());
  }

  /** The one public key ring in {@code armoured}, or why there is none. */
  private static PGPPublicKeyRing ring(String armoured) {
    if (armoured == null || armoured.isBlank()) {
      throw new RefusedKeyException("is empty: " + HOW_TO_EXPORT);
    }
    if (armoured.length() > MAX_CHARACTERS) {
      throw new RefusedKeyException("is larger than " + MAX_CHARACTERS / 1024 + " KiB: export the key alone, without"
          + " its third-party signatures (gpg --armor --export --export-options export-minimal FINGERPRINT)");
    }
    if (armoured.contains("PRIVATE KEY BLOCK")) {
      throw secret();
    }
    if (!armoured.strip().startsWith(BEGIN)) {
      throw new RefusedKeyException("is not an ASCII-armoured OpenPGP public key (-----BEGIN PGP PUBLIC KEY"
          + " BLOCK-----): " + HOW_TO_EXPORT);
    }
    if (armoured.indexOf("-----BEGIN PGP", 1) >= 0) {
      throw several();
    }
    List<PGPPublicKeyRing> rings = new ArrayList<>();
    try (InputStream in = new ArmoredInputStream(
        new ByteArrayInputStream(armoured.strip().getBytes(StandardCharsets.US_ASCII)))) {
      PGPObjectFactory objects = new PGPObjectFactory(in, new BcKeyFingerprintCalculator());
      for (Object object = objects.nextObject(); object != null; object = objects.nextObject()) {
        if (object instanceof PGPSecretKeyRing) {
          throw secret();
        }
        if (!(object instanceof PGPPublicKeyRing ring)) {
          throw new RefusedKeyException("holds something other than a public key: " + HOW_TO_EXPORT);
        }
        rings.add(ring);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof RefusedKeyException refused) {
        throw refused;
      }
      // the parser's message may quote the input: it stays out of the answer
      throw new RefusedKeyException("is not a readable OpenPGP public key (damaged or cut short): " + HOW_TO_EXPORT);
    }
    if (rings.isEmpty()) {
      throw new RefusedKeyException("holds no key: " + HOW_TO_EXPORT);
    }
    if (rings.size() > 1) {
      throw several();
    }
    return rings.get(0);
  }

  private static RefusedKeyException secret() {
    return new RefusedKeyException("is a secret (private) key: it is neither accepted nor stored; never send it to"
        + " anyone, and consider it exposed. Register the public key alone: " + HOW_TO_EXPORT);
  }

  private static RefusedKeyException several() {
    return new RefusedKeyException("holds several keys: give each key as an entry of its own");
  }

  /** R14: the key and what it encrypts must be as strong as current practice asks. */
  private static void requireStrong(PGPPublicKey key, String which) {
    weakness(key).ifPresent(reason -> {
      throw new RefusedKeyException("is too weak: " + which + " is " + reason + "; use Ed25519/Cv25519, NIST P-256"
          + " or stronger, or RSA of at least " + MIN_FINITE_FIELD_BITS + " bits");
    });
  }

  /** Why {@code key} is weaker than current practice; empty when it is not. */
  private static Optional<String> weakness(PGPPublicKey key) {
    return switch (key.getAlgorithm()) {
      case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_ENCRYPT, PublicKeyAlgorithmTags.RSA_SIGN,
          PublicKeyAlgorithmTags.DSA, PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_GENERAL ->
          key.getBitStrength() < MIN_FINITE_FIELD_BITS
              ? Optional.of(algorithm(key) + " of " + key.getBitStrength() + " bits") : Optional.empty();
      case PublicKeyAlgorithmTags.ECDH, PublicKeyAlgorithmTags.ECDSA, PublicKeyAlgorithmTags.EDDSA_LEGACY ->
          curve(key).isPresent() ? Optional.empty() : Optional.of(algorithm(key) + " on a curve not accepted");
      case PublicKeyAlgorithmTags.X25519, PublicKeyAlgorithmTags.X448, PublicKeyAlgorithmTags.Ed25519,
          PublicKeyAlgorithmTags.Ed448 -> Optional.empty();
      default -> Optional.of("of an algorithm not accepted (" + algorithm(key) + ")");
    };
  }

  private static Optional<String> curve(PGPPublicKey key) {
    BCPGKey material = key.getPublicKeyPacket().getKey();
    if (material instanceof ECPublicBCPGKey ec) {
      ASN1ObjectIdentifier oid = ec.getCurveOID();
      return Optional.ofNullable(CURVES.get(oid.getId()));
    }
    return Optional.empty();
  }

  /** The algorithm's name, with its curve for elliptic-curve keys, e.g. {@code RSA}, {@code EdDSA Ed25519}. */
  static String algorithm(PGPPublicKey key) {
    String name = switch (key.getAlgorithm()) {
      case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_ENCRYPT, PublicKeyAlgorithmTags.RSA_SIGN ->
          "RSA";
      case PublicKeyAlgorithmTags.DSA -> "DSA";
      case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_GENERAL -> "ElGamal";
      case PublicKeyAlgorithmTags.ECDH -> "ECDH";
      case PublicKeyAlgorithmTags.ECDSA -> "ECDSA";
      case PublicKeyAlgorithmTags.EDDSA_LEGACY -> "EdDSA";
      case PublicKeyAlgorithmTags.X25519 -> "X25519";
      case PublicKeyAlgorithmTags.X448 -> "X448";
      case PublicKeyAlgorithmTags.Ed25519 -> "Ed25519";
      case PublicKeyAlgorithmTags.Ed448 -> "Ed448";
      default -> "algorithm " + key.getAlgorithm();
    };
    return curve(key).map(curve -> name + " " + curve).orElse(name);
  }

  /** The user IDs the key certified itself and did not revoke since; refused when none or unfit to show. */
  private static List<String> userIds(PGPPublicKey primary) {
    List<String> userIds = new ArrayList<>();
    for (Iterator<String> ids = primary.getUserIDs(); ids.hasNext(); ) {
      String userId = ids.next();
      PGPSignature newest = newest(primary.getSignaturesForID(userId), sig -> verifies(sig, primary,
          () -> sig.verifyCertification(userId, primary)));
      if (newest == null || newest.getSignatureType() == PGPSignature.CERTIFICATION_REVOCATION) {
        continue;
      }
      if (CONTROL.matcher(userId).find()) {
        throw new RefusedKeyException("has a user ID with control characters or line breaks");
      }
      userIds.add(userId);
    }
    if (userIds.isEmpty()) {
      throw new RefusedKeyException("has no user ID the key certified itself: " + HOW_TO_EXPORT);
    }
    if (String.join("\n", userIds).length() > MAX_USER_ID_CHARACTERS) {
      throw new RefusedKeyException("has user IDs of more than " + MAX_USER_ID_CHARACTERS + " characters together");
    }
    return userIds;
  }

  /** The primary key's newest verified self-signature (a user ID certification or a direct-key signature). */
  private static PGPSignature newestSelfSignature(PGPPublicKey primary) {
    return newest(primary.getSignatures(), sig -> switch (sig.getSignatureType()) {
      case PGPSignature.DIRECT_KEY -> verifies(sig, primary, () -> sig.verifyCertification(primary));
      case PGPSignature.DEFAULT_CERTIFICATION, PGPSignature.NO_CERTIFICATION, PGPSignature.CASUAL_CERTIFICATION,
          PGPSignature.POSITIVE_CERTIFICATION -> selfCertifiesUserId(sig, primary);
      default -> false;
    });
  }

  private static boolean selfCertifiesUserId(PGPSignature sig, PGPPublicKey primary) {
    for (Iterator<String> ids = primary.getUserIDs(); ids.hasNext(); ) {
      String userId = ids.next();
      if (verifies(sig, primary, () -> sig.verifyCertification(userId, primary))) {
        return true;
      }
    }
    return false;
  }

  /**
   * When the key stops being usable for encryption: the latest expiry of its keys that may
   * encrypt (key flags), are strong enough, bound by a verified signature and neither revoked nor
   * expired; null when one of them does not expire. Refused when there is none.
   */
  private static Instant encryptionExpiry(PGPPublicKeyRing ring, Instant now, String fingerprint) {
    PGPPublicKey primary = ring.getPublicKey();
    List<String> unusable = new ArrayList<>();
    boolean usable = false;
    boolean neverExpires = false;
    Instant latest = null;
    for (Iterator<PGPPublicKey> keys = ring.getPublicKeys(); keys.hasNext(); ) {
      PGPPublicKey key = keys.next();
      PGPSignature binding = key.isMasterKey() ? newestSelfSignature(primary) : newest(
          key.getSignaturesOfType(PGPSignature.SUBKEY_BINDING),
          sig -> verifies(sig, primary, () -> sig.verifyCertification(primary, key)));
      if (binding == null || !encrypts(key, binding)) {
        continue;
      }
      String name = key.isMasterKey() ? "the primary key" : "subkey "
          + Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT);
      Instant expires = expiry(key.getCreationTime().toInstant(), binding);
      Optional<String> weakness = weakness(key);
      if (!key.isMasterKey() && key.hasRevocation()) {
        unusable.add(name + " is revoked");
      } else if (expires != null && !now.isBefore(expires)) {
        unusable.add(name + " expired on " + DAY.format(expires));
      } else if (weakness.isPresent()) {
        unusable.add(name + " is too weak: " + weakness.get());
      } else {
        usable = true;
        neverExpires |= expires == null;
        latest = later(latest, expires);
      }
    }
    if (!usable) {
      throw new RefusedKeyException("has no key usable for encryption (key " + fingerprint + ")"
          + (unusable.isEmpty() ? ", it only signs: add an encryption subkey (gpg --quick-add-key FINGERPRINT"
              + " cv25519 encr)" : ": " + String.join("; ", unusable)));
    }
    return neverExpires ? null : latest;
  }

  /** Whether the signature's key flags let the key encrypt; without flags, whether its algorithm can. */
  private static boolean encrypts(PGPPublicKey key, PGPSignature binding) {
    if (binding.getHashedSubPackets() != null
        && binding.getHashedSubPackets().hasSubpacket(SignatureSubpacketTags.KEY_FLAGS)) {
      return (binding.getHashedSubPackets().getKeyFlags() & (KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE)) != 0;
    }
    return key.isEncryptionKey();
  }

  /** {@code created} plus the signature's key expiration time; null when it sets none. */
  private static Instant expiry(Instant created, PGPSignature selfSignature) {
    if (selfSignature == null || selfSignature.getHashedSubPackets() == null) {
      return null;
    }
    long seconds = selfSignature.getHashedSubPackets().getKeyExpirationTime();
    return seconds == 0 ? null : created.plusSeconds(seconds);
  }

  private interface Check {
    boolean run() throws PGPException;
  }

  /** Whether {@code sig}, issued by {@code primary}, verifies; a signature that cannot be checked does not. */
  private static boolean verifies(PGPSignature sig, PGPPublicKey primary, Check check) {
    try {
      sig.init(new BcPGPContentVerifierBuilderProvider(), primary);
      return check.run();
    } catch (PGPException | RuntimeException e) {
      return false;
    }
  }

  private interface Accept {
    boolean test(PGPSignature sig);
  }

  /** The newest of {@code signatures} that {@code accept} takes; null when none. */
  private static PGPSignature newest(Iterator<?> signatures, Accept accept) {
    PGPSignature newest = null;
    while (signatures != null && signatures.hasNext()) {
      PGPSignature sig = (PGPSignature) signatures.next();
      if (accept.test(sig) && (newest == null || sig.getCreationTime().after(newest.getCreationTime()))) {
        newest = sig;
      }
    }
    return newest;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
