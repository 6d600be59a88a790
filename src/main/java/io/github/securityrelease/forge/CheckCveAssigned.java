package io.github.securityrelease.forge;

import static io.github.securityrelease.cases.CaseVariables.CVE_ASSIGNED;
import static io.github.securityrelease.cases.CaseVariables.CVE_ID;
import static io.github.securityrelease.cases.CaseVariables.GHSA_ID;

import io.github.securityrelease.disclosure.CaseCves;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R12 with GitHub as CNA: whether the repository advisory has its CVE ID yet. When it has, the
 * ID is checked and recorded as "Record assigned CVE" does ({@link CaseCves#recordAssigned}: the
 * format, one case per ID) and becomes the case's {@code cveId}; {@code cveAssigned} says which,
 * and the model asks again after a while when it is false.
 */
@Component("checkCveAssigned")
class CheckCveAssigned implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CheckCveAssigned.class);

  private final ObjectProvider<GitHub> gitHub;
  private final CaseCves cves;

  CheckCveAssigned(ObjectProvider<GitHub> gitHub, CaseCves cves) {
    this.gitHub = gitHub;
    this.cves = cves;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GitHub github = ForgeSteps.gitHub(gitHub, execution);
    String caseId = execution.getProcessBusinessKey();
    String ghsaId = ForgeSteps.required(execution, GHSA_ID, "repository advisory");
    String cveId = github.advisory(caseId, ghsaId).cveId();
    if (cveId == null || cveId.isBlank()) {
      execution.setVariable(CVE_ASSIGNED, false);
      log.info("{}: {} has no CVE ID yet", caseId, ghsaId);
      return;
    }
    try {
      cves.recordAssigned(cveId, caseId, execution.getProcessInstanceId());
    } catch (IllegalArgumentException notACveId) {
      throw new ForgeException(caseId + ": GitHub's advisory " + ghsaId + " has " + notACveId.getMessage());
    }
    execution.setVariable(CVE_ID, cveId);
    execution.setVariable(CVE_ASSIGNED, true);
    log.info("{}: {} assigned to {}", caseId, cveId, ghsaId);
  }
}
