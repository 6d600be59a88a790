package io.github.securityrelease.forge;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * GitHub's REST API, as far as release day and publication need it, for the configured
 * repository. Every call is on the case's record ({@code forge_call}: the operation, when, the
 * answer's status), and every call that makes something first looks for what an earlier try
 * made, so a retried job finds it instead of making a second. The token is in no exception
 * message. A refusal is a {@link ForgeException}; a rate limit one whose message says until when.
 */
public interface GitHub {

  /**
   * The pull request of {@code head} (a branch of the repository itself) into {@code base}, open
   * or closed, else a new one. {@code pulls/list} with {@code head=owner:branch}, then
   * {@code pulls/create}.
   */
  PullRequest findOrOpenPullRequest(String caseId, String head, String base, String title, String body);

  /** {@code pulls/get}. */
  PullRequest pullRequest(String caseId, long number);

  /**
   * The issue titled exactly {@code title}, else a new one with {@code body}. Looked for among the
   * issues updated since {@code since} ({@code issues/list-for-repo}, every page), then
   * {@code issues/create}.
   */
  Issue findOrOpenIssue(String caseId, String title, String body, Instant since);

  /** The release of {@code tag} with its assets ({@code repos/get-release-by-tag}); empty on 404. */
  Optional<Release> releaseByTag(String caseId, String tag);

  /** Sets the release's body ({@code repos/update-release}); the same body twice changes nothing. */
  Release updateReleaseBody(String caseId, long releaseId, String body);

  /**
   * An asset's bytes ({@code repos/get-release-asset} with {@code Accept: application/octet-stream},
   * the redirect followed without the token, over HTTPS). The caller closes the stream.
   */
  InputStream download(String caseId, Asset asset);

  /** {@code security-advisories/get-repository-advisory}. */
  RepositoryAdvisory advisory(String caseId, String ghsaId);

  /**
   * The draft repository advisory whose summary is {@code draft.summary()}, else a new one
   * ({@code security-advisories/list-repository-advisories}, then
   * {@code security-advisories/create-repository-advisory}).
   */
  RepositoryAdvisory findOrCreateAdvisory(String caseId, AdvisoryDraft draft);

  /** Sets the advisory's state to {@code published}; one published already is left as it is. */
  RepositoryAdvisory publishAdvisory(String caseId, String ghsaId);

  /**
   * R4: sets a rejected case's advisory's state to {@code closed}; one closed already is left as
   * it is. GitHub refuses to close a published one (the case is public: that is no rejection).
   */
  RepositoryAdvisory closeAdvisory(String caseId, String ghsaId);

  /**
   * Asks GitHub, as CNA, for the advisory's CVE ID
   * ({@code security-advisories/create-repository-advisory-cve-request}); one requested already
   * is not an error. The ID arrives later: {@link #advisory}'s {@code cveId}.
   */
  void requestCve(String caseId, String ghsaId);

  record PullRequest(long number, String htmlUrl, String state, boolean merged, String head, String headSha,
      String base, String mergeCommitSha) {}

  record Issue(long number, String htmlUrl, String title) {}

  record Release(long id, String tag, String htmlUrl, String body, List<Asset> assets) {}

  record Asset(long id, String name, long size, String browserDownloadUrl) {}

  record RepositoryAdvisory(String ghsaId, String htmlUrl, String state, String cveId) {}

  /**
   * What a new draft advisory says: {@code ecosystem} and {@code packageName} name the package
   * (OSV's names), {@code vulnerableVersionRange} and {@code patchedVersions} as GitHub writes
   * them, {@code cvssVector} a CVSS 3.1 or 4.0 vector or null, {@code cweIds} e.g. {@code CWE-79}.
   */
  record AdvisoryDraft(String summary, String description, String ecosystem, String packageName,
      String vulnerableVersionRange, String patchedVersions, String cvssVector, List<String> cweIds,
      String cveId) {}
}
