package io.github.securityrelease.forge;

import static io.github.securityrelease.cases.CaseVariables.BINARIES_LOCATION;
import static io.github.securityrelease.cases.CaseVariables.BINARIES_PROBLEM;
import static io.github.securityrelease.cases.CaseVariables.BINARIES_VERIFIED;
import static io.github.securityrelease.cases.CaseVariables.RELEASE_VERSIONS;

import io.github.securityrelease.advisory.CaseVersions;
import io.github.securityrelease.forge.GitHub.Release;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R17 "built, publicly available, and functional": for each fixed release ({@code releaseVersions})
 * the GitHub release of its tag, every asset downloaded and checked ({@link ReleaseBinaries}).
 * Sets {@code binariesVerified} (true only when nothing is wrong), {@code binariesLocation} (the
 * first release's page) and always {@code binariesProblem}: null, or one line a problem, for
 * the release managers' task "Build and verify release". Never a silent pass: no release, no
 * asset, a wrong checksum or an asset no checksum file names is a problem.
 */
@Component("verifyReleaseBinaries")
class VerifyReleaseBinaries implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(VerifyReleaseBinaries.class);

  private final ObjectProvider<GitHub> gitHub;
  private final ForgeProperties forge;
  private final ReleaseAssets assets;
  private final Clock clock;

  VerifyReleaseBinaries(ObjectProvider<GitHub> gitHub, ForgeProperties forge, ReleaseAssets assets, Clock clock) {
    this.gitHub = gitHub;
    this.forge = forge;
    this.assets = assets;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GitHub github = ForgeSteps.gitHub(gitHub, execution);
    String caseId = execution.getProcessBusinessKey();
    List<String> versions = CaseVersions.releaseList(execution.getVariable(RELEASE_VERSIONS));
    List<String> problems = new ArrayList<>();
    if (versions.isEmpty()) {
      problems.add("name the released versions: the case has no releaseVersions");
    }
    ReleaseBinaries binaries = new ReleaseBinaries(github, assets);
    Instant now = clock.instant();
    String location = null;
    for (String version : versions) {
      String tag = forge.tagOf(version);
      Optional<Release> release = github.releaseByTag(caseId, tag);
      if (release.isEmpty()) {
        problems.add("no release of tag " + tag);
        continue;
      }
      location = location != null ? location : release.get().htmlUrl();
      if (release.get().assets().isEmpty()) {
        problems.add(tag + " has no assets");
        continue;
      }
      problems.addAll(binaries.verify(caseId, version, release.get(), now));
    }
    execution.setVariable(BINARIES_VERIFIED, problems.isEmpty());
    execution.setVariable(BINARIES_LOCATION, location);
    execution.setVariable(BINARIES_PROBLEM, problems.isEmpty() ? null : String.join("\n", problems));
    if (problems.isEmpty()) {
      log.info("{}: the binaries of {} verified", caseId, versions);
    } else {
      log.info("{}: the binaries of {} have {} problem(s), for the release managers", caseId, versions, problems.size());
    }
  }
}
