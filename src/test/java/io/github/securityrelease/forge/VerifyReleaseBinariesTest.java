package io.github.securityrelease.forge;

import static io.github.securityrelease.forge.Executions.CASE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.securityrelease.forge.GitHub.Asset;
import io.github.securityrelease.forge.GitHub.Release;
import io.github.securityrelease.forge.ReleaseAssets.ReleaseAsset;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class VerifyReleaseBinariesTest {

  private static final Instant NOW = Instant.parse("2025-06-03T10:00:00Z");
  private static final byte[] LINUX = "the linux build".getBytes(StandardCharsets.UTF_8);
  private static final byte[] DARWIN = "the darwin build".getBytes(StandardCharsets.UTF_8);

  private final GitHub gitHub = mock(GitHub.class);
  private final ReleaseAssets assets = mock(ReleaseAssets.class);
  private final VerifyReleaseBinaries verify = new VerifyReleaseBinaries(Executions.provider(gitHub),
      Executions.forge("{version}", false), assets, Clock.fixed(NOW, ZoneOffset.UTC));
  private final Map<String, Object> variables = new HashMap<>();
  private long nextId = 1;

  @BeforeEach
  void releasedVersions() {
    variables.put("releaseVersions", "v0.6.2, v0.5.4");
  }

  @Test
  @DisplayName("R17 every asset of every fixed release downloaded and matching its checksum file: verified")
  void allVerified() {
    release("v0.6.2", file("kurator-linux-amd64.tar.gz", LINUX),
        file("SHA256SUMS", sha256(LINUX) + "  kurator-linux-amd64.tar.gz\n"));
    release("v0.5.4", file("kurator-darwin-arm64.tar.gz", DARWIN),
        file("kurator-darwin-arm64.tar.gz.sha256", sha256(DARWIN) + " *kurator-darwin-arm64.tar.gz"));

    verify.execute(Executions.of(variables));

    assertThat(variables).containsEntry("binariesVerified", true).containsEntry("binariesProblem", null)
        .containsEntry("binariesLocation", "https://github.com/octo/widget/releases/tag/v0.6.2");
    ArgumentCaptor<ReleaseAsset> recorded = ArgumentCaptor.forClass(ReleaseAsset.class);
    verify(assets, times(4)).record(recorded.capture());
    assertThat(recorded.getAllValues()).contains(
        new ReleaseAsset(CASE_ID, "v0.6.2", "v0.6.2", "kurator-linux-amd64.tar.gz", LINUX.length, sha256(LINUX),
            "SHA256SUMS", NOW),
        new ReleaseAsset(CASE_ID, "v0.5.4", "v0.5.4", "kurator-darwin-arm64.tar.gz", DARWIN.length, sha256(DARWIN),
            "kurator-darwin-arm64.tar.gz.sha256", NOW));
  }

  @Test
  @DisplayName("R17 a release without a checksum file is verified by its download alone, and recorded against none")
  void noChecksumFile() {
    variables.put("releaseVersions", "0.6.2");
    ForgeProperties prefixed = Executions.forge("v{version}", false);
    VerifyReleaseBinaries withPrefix = new VerifyReleaseBinaries(Executions.provider(gitHub), prefixed, assets,
        Clock.fixed(NOW, ZoneOffset.UTC));
    release("v0.6.2", file("kurator-linux-amd64.tar.gz", LINUX));

    withPrefix.execute(Executions.of(variables));

    assertThat(variables).containsEntry("binariesVerified", true).containsEntry("binariesProblem", null);
    verify(assets).record(new ReleaseAsset(CASE_ID, "0.6.2", "v0.6.2", "kurator-linux-amd64.tar.gz", LINUX.length,
        sha256(LINUX), null, NOW));
  }

  @Test
  @DisplayName("R17 a fixed release that is not on GitHub, or has no assets, is a problem for the release managers, never a pass")
  void releaseMissing() {
    when(gitHub.releaseByTag(CASE_ID, "v0.6.2")).thenReturn(Optional.empty());
    when(gitHub.releaseByTag(CASE_ID, "v0.5.4")).thenReturn(Optional.of(
        new Release(2, "v0.5.4", "https://github.com/octo/widget/releases/tag/v0.5.4", "", List.of())));

    verify.execute(Executions.of(variables));

    assertThat(variables).containsEntry("binariesVerified", false)
        .containsEntry("binariesProblem", "no release of tag v0.6.2\nv0.5.4 has no assets")
        .containsEntry("binariesLocation", "https://github.com/octo/widget/releases/tag/v0.5.4");
    verify(assets, never()).record(any());
  }

  @Test
  @DisplayName("R17 an asset whose SHA-256 is not the one its checksum file states is a problem, and recorded as downloaded")
  void wrongChecksum() {
    variables.put("releaseVersions", "v0.6.2");
    String stated = sha256(DARWIN);
    release("v0.6.2", file("kurator-linux-amd64.tar.gz", LINUX), file("SHA256SUMS", stated + "  kurator-linux-amd64.tar.gz"));

    verify.execute(Executions.of(variables));

    assertThat(variables).containsEntry("binariesVerified", false).containsEntry("binariesProblem",
        "kurator-linux-amd64.tar.gz: SHA-256 " + sha256(LINUX) + " but SHA256SUMS of v0.6.2 says " + stated);
    verify(assets).record(new ReleaseAsset(CASE_ID, "v0.6.2", "v0.6.2", "kurator-linux-amd64.tar.gz", LINUX.length,
        sha256(LINUX), "SHA256SUMS", NOW));
  }

  @Test
  @DisplayName("R17 an asset the release's checksum file leaves out is a problem, as is a name it states that the release lacks")
  void assetOmitted() {
    variables.put("releaseVersions", "v0.6.2");
    release("v0.6.2", file("kurator-linux-amd64.tar.gz", LINUX), file("kurator-darwin-arm64.tar.gz", DARWIN),
        file("checksums.txt", sha256(LINUX) + "  kurator-linux-amd64.tar.gz\n" + sha256(DARWIN) + "  kurator-windows.zip\n"));

    verify.execute(Executions.of(variables));

    assertThat(variables).containsEntry("binariesVerified", false);
    assertThat(((String) variables.get("binariesProblem")).lines()).containsExactlyInAnyOrder(
        "checksums.txt of v0.6.2 names kurator-windows.zip, which the release does not have",
        "kurator-darwin-arm64.tar.gz of v0.6.2: no checksum file of the release names it");
  }

  @Test
  @DisplayName("R17 an asset shorter than the release lists is a problem")
  void sizeDiffers() {
    variables.put("releaseVersions", "v0.6.2");
    Asset asset = new Asset(nextId++, "kurator-linux-amd64.tar.gz", LINUX.length + 10,
        "https://github.com/octo/widget/releases/download/v0.6.2/kurator-linux-amd64.tar.gz");
    when(gitHub.download(CASE_ID, asset)).thenAnswer(call -> new ByteArrayInputStream(LINUX));
    when(gitHub.releaseByTag(CASE_ID, "v0.6.2")).thenReturn(Optional.of(
        new Release(1, "v0.6.2", "https://github.com/octo/widget/releases/tag/v0.6.2", "", List.of(asset))));

    verify.execute(Executions.of(variables));

    assertThat(variables).containsEntry("binariesVerified", false).containsEntry("binariesProblem",
        "kurator-linux-amd64.tar.gz of v0.6.2: downloaded " + LINUX.length + " bytes, the release lists "
            + (LINUX.length + 10));
  }

  @Test
  @DisplayName("R17 a case that names no released versions is a problem, not a verified release")
  void noReleaseVersions() {
    variables.remove("releaseVersions");

    verify.execute(Executions.of(variables));

    assertThat(variables).containsEntry("binariesVerified", false).containsEntry("binariesLocation", null)
        .containsEntry("binariesProblem", "name the released versions: the case has no releaseVersions");
    verify(gitHub, never()).releaseByTag(anyString(), anyString());
  }

  @Test
  @DisplayName("R17 without a forge the step fails with a ForgeException instead of passing")
  void noForge() {
    VerifyReleaseBinaries unconfigured = new VerifyReleaseBinaries(Executions.provider(null), Executions.forge("{version}", false),
        assets, Clock.systemUTC());

    assertThatThrownBy(() -> unconfigured.execute(Executions.of(variables))).isInstanceOf(ForgeException.class)
        .hasMessageContaining("security-release.forge.repository is not set");
    assertThat(variables).doesNotContainKey("binariesVerified");
  }

  private record File(String name, byte[] content) {}

  private static File file(String name, byte[] content) {
    return new File(name, content);
  }

  private static File file(String name, String content) {
    return new File(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private void release(String tag, File... files) {
    List<Asset> list = new ArrayList<>();
    for (File file : files) {
      Asset asset = new Asset(nextId++, file.name(), file.content().length,
          "https://github.com/octo/widget/releases/download/" + tag + "/" + file.name());
      when(gitHub.download(eq(CASE_ID), eq(asset))).thenAnswer(call -> new ByteArrayInputStream(file.content()));
      list.add(asset);
    }
    when(gitHub.releaseByTag(CASE_ID, tag)).thenReturn(Optional.of(
        new Release(nextId++, tag, "https://github.com/octo/widget/releases/tag/" + tag, "", list)));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
