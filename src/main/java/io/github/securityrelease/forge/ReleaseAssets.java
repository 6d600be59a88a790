package io.github.securityrelease.forge;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * R17: the record of the binaries a case's releases carry, {@code release_asset}: what was
 * downloaded, its size and SHA-256, and what it was checked against. Written in the job's
 * transaction, so a failed attempt leaves nothing and a later one replaces an earlier row.
 */
@Component
public class ReleaseAssets {

  /**
   * @param checkedAgainst the checksum file that named the asset, null when none did
   */
  public record ReleaseAsset(String caseId, String version, String tag, String name, long size, String sha256,
      String checkedAgainst, Instant verifiedAt) {}

  private final JdbcClient jdbc;

  ReleaseAssets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(ReleaseAsset asset) {
    jdbc.sql("delete from release_asset where case_id = :caseId and tag = :tag and name = :name")
        .param("caseId", asset.caseId()).param("tag", asset.tag()).param("name", asset.name()).update();
    jdbc.sql("insert into release_asset (case_id, version, tag, name, size_bytes, sha256, checked_against, verified_at)"
            + " values (:caseId, :version, :tag, :name, :size, :sha256, :checkedAgainst, :at)")
        .param("caseId", asset.caseId()).param("version", asset.version()).param("tag", asset.tag())
        .param("name", asset.name()).param("size", asset.size()).param("sha256", asset.sha256())
        .param("checkedAgainst", asset.checkedAgainst()).param("at", Timestamp.from(asset.verifiedAt()))
        .update();
  }

  /** The case's recorded assets, by tag and name. */
  public List<ReleaseAsset> ofCase(String caseId) {
    return jdbc.sql("select case_id, version, tag, name, size_bytes, sha256, checked_against, verified_at"
            + " from release_asset where case_id = :caseId order by tag, name")
        .param("caseId", caseId)
        .query((row, i) -> new ReleaseAsset(row.getString("case_id"), row.getString("version"), row.getString("tag"),
            row.getString("name"), row.getLong("size_bytes"), row.getString("sha256"), row.getString("checked_against"),
            row.getTimestamp("verified_at").toInstant()))
        .list();
  }
}
