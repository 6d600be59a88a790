package io.github.securityrelease.forge;

import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.springframework.stereotype.Component;

/**
 * Release day's git (R17) with the configured remotes and token: the cherry-pick of a case's fix
 * onto one branch, and the look at a branch a person pushed.
 */
@Component
class ForgeGit {

  private final ForgeProperties properties;
  private final FixCherryPick cherryPick;

  ForgeGit(ForgeProperties properties) {
    this.properties = properties;
    this.cherryPick = new FixCherryPick(properties.workDirectoryOrDefault(), properties.committerName(),
        properties.committerEmail(), properties.mainBranch());
  }

  CherryPickOutcome cherryPick(String caseId, String fixBranch, String cveId, String branch) {
    requireConfigured();
    return cherryPick.cherryPick(new CherryPickRequest(properties.privateRemote(), fixBranch,
        properties.publicRemote(), cveId, branch), credentials());
  }

  Optional<String> publicHead(String caseId, String branch) {
    requireConfigured();
    return cherryPick.remoteHead(properties.publicRemote(), branch, credentials());
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
