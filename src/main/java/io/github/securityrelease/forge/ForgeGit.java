package io.github.securityrelease.forge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.springframework.stereotype.Component;

/**
 * Release day's git (R17) with the configured remotes and token: the cherry-pick of a case's fix
 * onto one branch, and the look at a branch a person pushed. Each is on the case's record as a
 * forge call ({@code git/cherry-pick-and-push}, {@code git/ls-remote}): the branch, whether it
 * went through, and the redacted refusal if not.
 */
@Component
class ForgeGit {

  private final ForgeProperties properties;
  private final FixCherryPick cherryPick;
  private final ForgeCallRecorder record;
  private final Clock clock;

  ForgeGit(ForgeProperties properties, ForgeCallRecorder record, Clock clock) {
    this.properties = properties;
    this.record = record;
    this.clock = clock;
    this.cherryPick = new FixCherryPick(properties.workDirectoryOrDefault(), properties.committerName(),
        properties.committerEmail(), properties.mainBranch());
  }

  CherryPickOutcome cherryPick(String caseId, String fixBranch, String cveId, String branch) {
    requireConfigured();
    return recorded(caseId, "git/cherry-pick-and-push", "security/" + cveId + "/" + branch,
        () -> cherryPick.cherryPick(new CherryPickRequest(properties.privateRemote(), fixBranch,
            properties.publicRemote(), cveId, branch), credentials()));
  }

  Optional<String> publicHead(String caseId, String branch) {
    requireConfigured();
    return recorded(caseId, "git/ls-remote", branch,
        () -> cherryPick.remoteHead(properties.publicRemote(), branch, credentials()));
  }

  /** {@code call} on the case's record; git answers no status, so a call that went through has none either. */
  private <T> T recorded(String caseId, String operation, String branch, Supplier<T> call) {
    Instant start = clock.instant();
    String error = null;
    try {
      return call.get();
    } catch (ForgeException | IllegalArgumentException e) {
      error = e.getMessage();
      throw e;
    } finally {
      record.record(new ForgeCall(caseId, operation, "GIT", branch, null,
          error, start,
          Duration.between(start, clock.instant()).toMillis()));
    }
  }

  /** Deletes the working directories of {@code cveId}: its release day is over and the fix is public. */
  void discard(String cveId) throws java.io.IOException {
    cherryPick.discard(cveId);
  }

  /** GitHub takes an installation or personal token over https as the password of x-access-token. */
  private CredentialsProvider credentials() {
    return new UsernamePasswordCredentialsProvider("x-access-token", properties.token());
  }

  private void requireConfigured() {
    if (!properties.configured()) {
      throw new ForgeException("no forge is configured (security-release.forge.repository)");
    }
  }
}
