package io.github.securityrelease.forge;

import static io.github.securityrelease.cases.CaseVariables.GHSA_ID;

import io.github.securityrelease.forge.GitHub.RepositoryAdvisory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R4 after acceptance: the draft repository advisory that "Launch CVE procedure" opened is
 * closed when the case is rejected, so that nothing of a rejected case waits on GitHub to be
 * published (one closed already stays as it is). The model calls it only where {@code ghsaId} is set.
 */
@Component("closeRepositoryAdvisory")
class CloseRepositoryAdvisory implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CloseRepositoryAdvisory.class);

  private final ObjectProvider<GitHub> gitHub;

  CloseRepositoryAdvisory(ObjectProvider<GitHub> gitHub) {
    this.gitHub = gitHub;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GitHub github = ForgeSteps.gitHub(gitHub, execution);
    String caseId = execution.getProcessBusinessKey();
    String ghsaId = ForgeSteps.required(execution, GHSA_ID, "the repository advisory to close");
    RepositoryAdvisory advisory = github.closeAdvisory(caseId, ghsaId);
    log.info("{}: repository advisory {} {}", caseId, ghsaId, advisory.state());
  }
}
