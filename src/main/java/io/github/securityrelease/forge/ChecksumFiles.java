package io.github.securityrelease.forge;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R17: the checksum files a release may carry beside its binaries, as {@code sha256sum} writes
 * them: {@code SHA256SUMS}, {@code sha256sums.txt}, {@code checksums.txt} for the whole release,
 * {@code <asset>.sha256} for one asset. A line is {@code <hex>  <name>} (text mode) or
 * {@code <hex> *<name>} (binary mode); a sidecar may hold the hash alone.
 */
final class ChecksumFiles {

  private static final Set<String> WHOLE_RELEASE = Set.of("sha256sums", "sha256sums.txt", "checksums.txt");
  private static final String SIDECAR = ".sha256";
  private static final Pattern LINE = Pattern.compile("([0-9A-Fa-f]{64}) [ *](?:\\./)?(.+)");
  private static final Pattern HASH_ALONE = Pattern.compile("([0-9A-Fa-f]{64})");

  private ChecksumFiles() {}

  static boolean isChecksumFile(String assetName) {
    String name = assetName.toLowerCase(Locale.ROOT);
    return WHOLE_RELEASE.contains(name) || name.endsWith(SIDECAR) && name.length() > SIDECAR.length();
  }

  /** Asset name to its SHA-256 (lower-case hex) as the file {@code fileName} states it; lines of another form are skipped. */
  static Map<String, String> parse(String fileName, String text) {
    Map<String, String> sums = new LinkedHashMap<>();
    String sidecarOf = fileName.toLowerCase(Locale.ROOT).endsWith(SIDECAR)
        ? fileName.substring(0, fileName.length() - SIDECAR.length()) : null;
    for (String line : text.split("\\R")) {
      String trimmed = line.strip();
      Matcher named = LINE.matcher(trimmed);
      if (named.matches()) {
        sums.put(named.group(2), named.group(1).toLowerCase(Locale.ROOT));
      } else if (sidecarOf != null && HASH_ALONE.matcher(trimmed).matches()) {
        sums.put(sidecarOf, trimmed.toLowerCase(Locale.ROOT));
      }
    }
    return sums;
  }
}
