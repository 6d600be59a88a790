package io.github.securityrelease.forge;

import io.github.securityrelease.forge.GitHub.Asset;
import io.github.securityrelease.forge.GitHub.Release;
import io.github.securityrelease.forge.ReleaseAssets.ReleaseAsset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * R17 "built, publicly available, and functional", for one release: every asset downloaded as
 * anyone would, hashed and counted while it streams past (never kept, opened or run), checked
 * against the release's checksum files, and recorded. What is wrong comes back as one line a
 * problem, for the release managers' task.
 */
final class ReleaseBinaries {

  /** A checksum file is a few lines; a larger one is not read as one. */
  private static final int CHECKSUM_FILE_LIMIT = 1 << 20;

  private record Download(long size, String sha256, String text) {}

  private record Stated(String sha256, String file) {}

  private final GitHub gitHub;
  private final ReleaseAssets assets;

  ReleaseBinaries(GitHub gitHub, ReleaseAssets assets) {
    this.gitHub = gitHub;
    this.assets = assets;
  }

  /** The release's problems, none when all is well; each asset recorded for {@code caseId} at {@code now}. */
  List<String> verify(String caseId, String version, Release release, Instant now) {
    Map<Asset, Download> downloads = new LinkedHashMap<>();
    for (Asset asset : release.assets()) {
      downloads.put(asset, download(caseId, asset));
    }
    List<String> problems = new ArrayList<>();
    Map<String, List<Stated>> stated = stated(release, downloads, problems);
    boolean checksummed = downloads.keySet().stream().anyMatch(asset -> ChecksumFiles.isChecksumFile(asset.name()));
    downloads.forEach((asset, download) -> {
      String against = null;
      if (!ChecksumFiles.isChecksumFile(asset.name())) {
        List<Stated> named = stated.getOrDefault(asset.name(), List.of());
        problems.addAll(check(release.tag(), asset, download, named, checksummed));
        against = named.isEmpty() ? null : named.stream().map(Stated::file).collect(Collectors.joining(", "));
      }
      assets.record(new ReleaseAsset(caseId, version, release.tag(), asset.name(), download.size(), download.sha256(),
          against, now));
    });
    return problems;
  }

  /** What the release's checksum files state, by asset name; a file that names nothing or what is not there is a problem. */
  private static Map<String, List<Stated>> stated(Release release, Map<Asset, Download> downloads,
      List<String> problems) {
    Set<String> names = downloads.keySet().stream().map(Asset::name).collect(Collectors.toSet());
    Map<String, List<Stated>> stated = new LinkedHashMap<>();
    downloads.forEach((asset, download) -> {
      if (!ChecksumFiles.isChecksumFile(asset.name())) {
        return;
      }
      if (download.text() == null) {
        problems.add(asset.name() + " of " + release.tag() + " is over " + CHECKSUM_FILE_LIMIT
            + " bytes: not read as a checksum file");
        return;
      }
      Map<String, String> sums = ChecksumFiles.parse(asset.name(), download.text());
      if (sums.isEmpty()) {
        problems.add(asset.name() + " of " + release.tag() + " holds no line '<SHA-256>  <name>'");
      }
      sums.forEach((name, sha256) -> {
        if (names.contains(name)) {
          stated.computeIfAbsent(name, any -> new ArrayList<>()).add(new Stated(sha256, asset.name()));
        } else {
          problems.add(asset.name() + " of " + release.tag() + " names " + name + ", which the release does not have");
        }
      });
    });
    return stated;
  }

  private static List<String> check(String tag, Asset asset, Download download, List<Stated> stated,
      boolean checksummed) {
    List<String> problems = new ArrayList<>();
    if (download.size() != asset.size()) {
      problems.add(asset.name() + " of " + tag + ": downloaded " + download.size() + " bytes, the release lists "
          + asset.size());
    }
    if (checksummed && stated.isEmpty()) {
      problems.add(asset.name() + " of " + tag + ": no checksum file of the release names it");
    }
    for (Stated sum : stated) {
      if (!sum.sha256().equals(download.sha256())) {
        problems.add(asset.name() + ": SHA-256 " + download.sha256() + " but " + sum.file() + " of " + tag + " says "
            + sum.sha256());
      }
    }
    return problems;
  }

  private Download download(String caseId, Asset asset) {
    MessageDigest sha256 = sha256();
    ByteArrayOutputStream text = ChecksumFiles.isChecksumFile(asset.name()) ? new ByteArrayOutputStream() : null;
    long size = 0;
    try (InputStream in = gitHub.download(caseId, asset)) {
      byte[] buffer = new byte[64 * 1024];
      for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
        sha256.update(buffer, 0, read);
        size += read;
        if (text != null && size <= CHECKSUM_FILE_LIMIT) {
          text.write(buffer, 0, read);
        }
      }
    } catch (IOException e) {
      // the message may hold the redirect's signed URL: the class says enough for a retry
      throw new ForgeException(asset.name() + ": the download broke off (" + e.getClass().getSimpleName() + ")");
    }
    String content = text == null || size > CHECKSUM_FILE_LIMIT ? null : text.toString(StandardCharsets.UTF_8);
    return new Download(size, HexFormat.of().formatHex(sha256.digest()), content);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
