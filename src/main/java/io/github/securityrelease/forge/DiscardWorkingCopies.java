package io.github.securityrelease.forge;

import static io.github.securityrelease.cases.CaseVariables.CVE_ID;

import java.io.IOException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When every branch has the fix, the git working directories of the case's CVE ID go: they
 * hold nothing that is not public by then, and a node keeps no copy of each case's repository.
 * A directory that cannot be deleted is logged and left; the case goes on.
 */
@Component("discardWorkingCopies")
class DiscardWorkingCopies implements ExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(DiscardWorkingCopies.class);

  private final Forge forge;
  private final ForgeGit git;

  DiscardWorkingCopies(Forge forge, ForgeGit git) {
    this.forge = forge;
    this.git = git;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object cveId = execution.getVariable(CVE_ID);
    if (!forge.configured() || cveId == null) {
      return;
    }
    try {
      git.discard(cveId.toString());
    } catch (IOException | IllegalArgumentException e) {
      log.warn("{}: the working directories of {} were not deleted: {}", execution.getProcessBusinessKey(), cveId,
          e.toString());
    }
  }
}
