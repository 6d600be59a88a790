package io.github.securityrelease.forge;

import io.github.securityrelease.web.OutsideUrls;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The project's forge, GitHub (R17, R18): where release day's branches, pull requests, releases,
 * the tracking issue and the repository advisory are. Unset {@code repository}: no forge, the
 * release-day and publication tasks stay with people, as the embedded default has them.
 *
 * @param apiUrl GitHub's REST API
 * @param repository {@code owner/name} of the public repository
 * @param token the API and git token, from SECURITY_RELEASE_FORGE_TOKEN; never logged
 * @param privateRemote git URL of where the fix is developed (a private fork, or the advisory's
 *     temporary private fork)
 * @param publicRemote git URL of the public repository
 * @param webhookSecret the secret the webhook deliveries are signed with, from
 *     SECURITY_RELEASE_FORGE_WEBHOOK_SECRET; never logged
 * @param mainBranch the public repository's main branch, the policy's "master"
 * @param workDirectory where the service keeps its git working directories; unset, a directory
 *     under {@code java.io.tmpdir}
 * @param committerName the committer of the cherry-picked commits (the fix's author stays)
 * @param committerEmail the committer's address
 * @param tag the tag of a released version: {@code {version}} stands for the version as the case
 *     names it ({@code releaseVersions}, e.g. {@code v0.6.2}), so that {@code release-{version}}
 *     makes {@code release-v0.6.2}
 * @param pollInterval how often the service asks the forge when no webhook delivery came: a pull
 *     request's merge, the CVE ID GitHub assigns
 * @param cna whether GitHub is the project's CNA: the CVE ID is requested through the repository
 *     advisory
 */
@ConfigurationProperties("security-release.forge")
public record ForgeProperties(
    @DefaultValue("https://api.github.com") URI apiUrl,
    String repository,
    String token,
    String privateRemote,
    String publicRemote,
    String webhookSecret,
    @DefaultValue("master") String mainBranch,
    Path workDirectory,
    @DefaultValue("Security Release Orchestrator") String committerName,
    @DefaultValue("security-release@localhost") String committerEmail,
    @DefaultValue("{version}") String tag,
    @DefaultValue("PT15M") Duration pollInterval,
    @DefaultValue("false") boolean cna) {

  private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}");

  public ForgeProperties {
    if (repository != null && !repository.isBlank()) {
      if (!REPOSITORY.matcher(repository).matches() || repository.endsWith("/..") || repository.endsWith("/.")) {
        throw new IllegalArgumentException("security-release.forge.repository must be owner/name, not " + repository);
      }
      require(privateRemote, "private-remote");
      require(publicRemote, "public-remote");
      require(token, "token (SECURITY_RELEASE_FORGE_TOKEN)");
      if (!OutsideUrls.secure(apiUrl)) {
        throw new IllegalArgumentException("security-release.forge.api-url must be https://");
      }
      if (!Repository.isValidRefName("refs/heads/" + mainBranch)) {
        throw new IllegalArgumentException("security-release.forge.main-branch is not a branch name: " + mainBranch);
      }
      if (!tag.contains("{version}")) {
        throw new IllegalArgumentException("security-release.forge.tag must hold {version}");
      }
      if (pollInterval.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("security-release.forge.poll-interval must be at least PT1S");
      }
    }
  }

  /** Whether the forge is set: then the model runs its delegates. */
  public boolean configured() {
    return repository != null && !repository.isBlank();
  }

  public String owner() {
    return repository.substring(0, repository.indexOf('/'));
  }

  public String name() {
    return repository.substring(repository.indexOf('/') + 1);
  }

  /** The tag of {@code version}: {@code v1.2.3} itself by default. */
  public String tagOf(String version) {
    return tag.replace("{version}", version);
  }

  public Path workDirectoryOrDefault() {
    return workDirectory != null ? workDirectory
        : Path.of(System.getProperty("java.io.tmpdir"), "security-release-forge");
  }

  /** Never the token or the webhook secret: a record's own toString would print them. */
  @Override
  public String toString() {
    return "ForgeProperties[apiUrl=" + apiUrl + ", repository=" + repository + ", token=" + mask(token)
        + ", privateRemote=" + Redaction.withoutUserInfo(privateRemote) + ", publicRemote="
        + Redaction.withoutUserInfo(publicRemote) + ", webhookSecret=" + mask(webhookSecret) + ", mainBranch="
        + mainBranch + ", workDirectory=" + workDirectory + ", committerName=" + committerName
        + ", committerEmail=" + committerEmail + ", tag=" + tag + ", pollInterval=" + pollInterval + ", cna=" + cna
        + "]";
  }

  private static String mask(String secret) {
    return secret == null || secret.isEmpty() ? null : "***";
  }

  private static void require(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("security-release.forge." + key + " is required with a repository");
    }
  }
}
