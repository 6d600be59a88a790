package io.github.securityrelease.forge;

import static io.github.securityrelease.cases.CaseVariables.AFFECTED_VERSIONS;
import static io.github.securityrelease.cases.CaseVariables.CREDIT;
import static io.github.securityrelease.cases.CaseVariables.CVE_ID;
import static io.github.securityrelease.cases.CaseVariables.CVE_REQUEST_REFERENCE;
import static io.github.securityrelease.cases.CaseVariables.CVSS_VECTOR;
import static io.github.securityrelease.cases.CaseVariables.GHSA_ID;
import static io.github.securityrelease.cases.CaseVariables.IMPACT_DESCRIPTION;
import static io.github.securityrelease.cases.CaseVariables.RELEASE_VERSIONS;
import static io.github.securityrelease.cases.CaseVariables.TITLE;

import io.github.securityrelease.advisory.AdvisoryProperties;
import io.github.securityrelease.advisory.CaseVersions;
import io.github.securityrelease.cases.Credit;
import io.github.securityrelease.engine.TaskInput;
import io.github.securityrelease.forge.GitHub.AdvisoryDraft;
import io.github.securityrelease.forge.GitHub.RepositoryAdvisory;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R12 at "Launch CVE procedure": the draft repository advisory on GitHub, made from the case
 * (a retry finds the draft by its summary), and where GitHub is the project's CNA the request
 * for its CVE ID. Sets {@code ghsaId} and {@code cveRequestReference} (the advisory's page).
 * The case keeps no CWE, so the draft names none.
 */
@Component("openRepositoryAdvisory")
class OpenRepositoryAdvisory implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(OpenRepositoryAdvisory.class);

  private final ObjectProvider<GitHub> gitHub;
  private final ForgeProperties forge;
  private final AdvisoryProperties product;

  OpenRepositoryAdvisory(ObjectProvider<GitHub> gitHub, ForgeProperties forge, AdvisoryProperties product) {
    this.gitHub = gitHub;
    this.forge = forge;
    this.product = product;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GitHub github = ForgeSteps.gitHub(gitHub, execution);
    String caseId = execution.getProcessBusinessKey();
    RepositoryAdvisory advisory = github.findOrCreateAdvisory(caseId, draft(execution));
    execution.setVariable(GHSA_ID, advisory.ghsaId());
    execution.setVariable(CVE_REQUEST_REFERENCE, advisory.htmlUrl());
    log.info("{}: repository advisory {} ({})", caseId, advisory.ghsaId(), advisory.state());
    if (forge.cna()) {
      github.requestCve(caseId, advisory.ghsaId());
      log.info("{}: CVE ID requested from GitHub for {}", caseId, advisory.ghsaId());
    }
  }

  AdvisoryDraft draft(DelegateExecution execution) {
    String title = ForgeSteps.required(execution, TITLE, "title");
    String impact = TaskInput.text(execution, IMPACT_DESCRIPTION);
    String credit = Credit.stored(TaskInput.text(execution, CREDIT));
    String description = (impact != null ? impact : title) + (credit != null ? "\n\nCredit: " + credit : "");
    List<String> released = CaseVersions.releaseList(execution.getVariable(RELEASE_VERSIONS));
    return new AdvisoryDraft(title, description, product.ecosystem(), product.packageName(),
        CaseVersions.vulnerableRange(TaskInput.text(execution, AFFECTED_VERSIONS)).orElse(null),
        released.isEmpty() ? null : String.join(", ", released), TaskInput.text(execution, CVSS_VECTOR), List.of(),
        TaskInput.text(execution, CVE_ID));
  }
}
