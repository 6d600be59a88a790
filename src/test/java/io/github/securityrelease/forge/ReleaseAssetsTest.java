package io.github.securityrelease.forge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.forge.ReleaseAssets.ReleaseAsset;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code release_asset} as the service's migrations make it, on H2. */
class ReleaseAssetsTest {

  private static final String SHA = "a".repeat(64);
  private static final String OTHER_SHA = "b".repeat(64);

  private ReleaseAssets assets;

  @BeforeEach
  void database() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(
        "jdbc:h2:mem:release-assets-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).table("sro_schema_history").load().migrate();
    assets = new ReleaseAssets(JdbcClient.create(dataSource));
  }

  @Test
  @DisplayName("R17 each downloaded asset is on the case's record with its size, SHA-256 and checksum file; a second run replaces the first's row")
  void recordedOncePerCaseTagAndName() {
    Instant first = Instant.parse("2025-06-03T10:00:00Z");
    Instant second = first.plusSeconds(600);
    assets.record(new ReleaseAsset("VUL-2025-0007", "v0.6.2", "v0.6.2", "kurator.tar.gz", 10, SHA, "SHA256SUMS", first));
    assets.record(new ReleaseAsset("VUL-2025-0007", "v0.6.2", "v0.6.2", "SHA256SUMS", 80, SHA, null, first));
    assets.record(new ReleaseAsset("VUL-2025-0008", "v0.6.2", "v0.6.2", "kurator.tar.gz", 10, SHA, null, first));
    assets.record(new ReleaseAsset("VUL-2025-0007", "v0.6.2", "v0.6.2", "kurator.tar.gz", 12, OTHER_SHA, "SHA256SUMS",
        second));

    assertThat(assets.ofCase("VUL-2025-0007")).containsExactly(
        new ReleaseAsset("VUL-2025-0007", "v0.6.2", "v0.6.2", "SHA256SUMS", 80, SHA, null, first),
        new ReleaseAsset("VUL-2025-0007", "v0.6.2", "v0.6.2", "kurator.tar.gz", 12, OTHER_SHA, "SHA256SUMS", second));
  }
}
