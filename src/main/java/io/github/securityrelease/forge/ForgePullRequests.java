package io.github.securityrelease.forge;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Release day's pull requests on record ({@code forge_pull_request}): which case and branch a
 * security branch is, the head it was opened with, and its merge.
 */
@Component
class ForgePullRequests {

  record Opened(String caseId, String branch, String securityBranch, long number, String url, String openedHead) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  ForgePullRequests(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** On record once: a retried job that finds the pull request again keeps the first row. */
  void opened(Opened opened) {
    int updated = jdbc.sql("update forge_pull_request set number = :number, url = :url where security_branch = :branch")
        .param("number", opened.number()).param("url", opened.url()).param("branch", opened.securityBranch()).update();
    if (updated == 0) {
      jdbc.sql("""
          insert into forge_pull_request (case_id, branch, security_branch, number, url, opened_head, opened_at)
          values (:caseId, :branch, :securityBranch, :number, :url, :openedHead, :openedAt)""")
          .param("caseId", opened.caseId()).param("branch", opened.branch())
          .param("securityBranch", opened.securityBranch()).param("number", opened.number())
          .param("url", opened.url()).param("openedHead", opened.openedHead())
          .param("openedAt", Timestamp.from(clock.instant())).update();
    }
  }

  Optional<Opened> bySecurityBranch(String securityBranch) {
    return jdbc.sql("""
        select case_id, branch, security_branch, number, url, opened_head from forge_pull_request
        where security_branch = :branch""").param("branch", securityBranch)
        .query((rs, n) -> new Opened(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            rs.getString(5), rs.getString(6).trim()))
        .optional();
  }

  void merged(String securityBranch, String mergedHead, String mergeCommit) {
    jdbc.sql("""
        update forge_pull_request set merged_head = :head, merge_commit = :commit, merged_at = :at
        where security_branch = :branch and merged_at is null""")
        .param("head", mergedHead).param("commit", mergeCommit).param("at", Timestamp.from(clock.instant()))
        .param("branch", securityBranch).update();
  }
}
