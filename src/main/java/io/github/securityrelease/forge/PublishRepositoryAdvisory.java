package io.github.securityrelease.forge;

import static io.github.securityrelease.cases.CaseVariables.ADVISORY_URL;
import static io.github.securityrelease.cases.CaseVariables.GHSA_ID;

import io.github.securityrelease.engine.TaskInput;
import io.github.securityrelease.forge.GitHub.RepositoryAdvisory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R18: the repository advisory opened at "Launch CVE procedure" published on GitHub (one
 * published already stays as it is). Sets {@code advisoryUrl}, which the OSV and CVE records
 * reference.
 */
@Component("publishRepositoryAdvisory")
class PublishRepositoryAdvisory implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(PublishRepositoryAdvisory.class);

  private final ObjectProvider<GitHub> gitHub;

  PublishRepositoryAdvisory(ObjectProvider<GitHub> gitHub) {
    this.gitHub = gitHub;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GitHub github = ForgeSteps.gitHub(gitHub, execution);
    String caseId = execution.getProcessBusinessKey();
    String ghsaId = TaskInput.text(execution, GHSA_ID);
    if (ghsaId == null) {
      throw new ForgeException(caseId + " has no repository advisory (" + GHSA_ID + ") to publish");
    }
    RepositoryAdvisory advisory = github.publishAdvisory(caseId, ghsaId);
    execution.setVariable(ADVISORY_URL, advisory.htmlUrl());
    log.info("{}: repository advisory {} published", caseId, ghsaId);
  }
}
