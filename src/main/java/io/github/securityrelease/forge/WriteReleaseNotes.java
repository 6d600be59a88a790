package io.github.securityrelease.forge;

import static io.github.securityrelease.cases.CaseVariables.CVE_ID;
import static io.github.securityrelease.cases.CaseVariables.RELEASE_NOTES_DRAFT;
import static io.github.securityrelease.cases.CaseVariables.RELEASE_NOTES_URL;
import static io.github.securityrelease.cases.CaseVariables.RELEASE_VERSIONS;

import io.github.securityrelease.advisory.CaseVersions;
import io.github.securityrelease.forge.GitHub.Release;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R18 "the fix details in the patch release notes": the generated draft ({@code releaseNotesDraft})
 * written into the body of each fixed release on GitHub, below what the release says already
 * ({@link ReleaseNotesSection}). Sets {@code releaseNotesUrl} to the first release's page. A
 * release that is not there is a {@link ForgeException} naming its tag: the job's retries, then
 * an incident.
 */
@Component("writeReleaseNotes")
class WriteReleaseNotes implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(WriteReleaseNotes.class);

  private final ObjectProvider<GitHub> gitHub;
  private final ForgeProperties forge;

  WriteReleaseNotes(ObjectProvider<GitHub> gitHub, ForgeProperties forge) {
    this.gitHub = gitHub;
    this.forge = forge;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GitHub github = ForgeSteps.gitHub(gitHub, execution);
    String caseId = execution.getProcessBusinessKey();
    String cveId = ForgeSteps.required(execution, CVE_ID, "CVE ID");
    String notes = ForgeSteps.required(execution, RELEASE_NOTES_DRAFT, "release notes draft");
    List<String> versions = CaseVersions.releaseList(execution.getVariable(RELEASE_VERSIONS));
    if (versions.isEmpty()) {
      throw new ForgeException(caseId + " names no released versions (" + RELEASE_VERSIONS + ") to write the notes into");
    }
    String first = null;
    for (String version : versions) {
      String tag = forge.tagOf(version);
      Release release = github.releaseByTag(caseId, tag)
          .orElseThrow(() -> new ForgeException("no release of tag " + tag + " to write the release notes of "
              + cveId + " into"));
      String body = ReleaseNotesSection.into(release.body(), cveId, notes);
      if (body.equals(release.body())) {
        log.info("{}: the release notes of {} are in {} already", caseId, cveId, tag);
      } else {
        github.updateReleaseBody(caseId, release.id(), body);
        log.info("{}: the release notes of {} written into {}", caseId, cveId, tag);
      }
      first = first != null ? first : release.htmlUrl();
    }
    execution.setVariable(RELEASE_NOTES_URL, first);
  }
}
