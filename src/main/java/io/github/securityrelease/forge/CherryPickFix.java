package io.github.securityrelease.forge;

import static io.github.securityrelease.cases.CaseVariables.BRANCH;
import static io.github.securityrelease.cases.CaseVariables.CHERRY_PICK_CONFLICT;
import static io.github.securityrelease.cases.CaseVariables.CONFLICT_COMMIT;
import static io.github.securityrelease.cases.CaseVariables.CONFLICT_FILES;
import static io.github.securityrelease.cases.CaseVariables.CVE_ID;
import static io.github.securityrelease.cases.CaseVariables.FIX_BRANCH;
import static io.github.securityrelease.cases.CaseVariables.PULL_REQUEST_HEAD;
import static io.github.securityrelease.cases.CaseVariables.SECURITY_BRANCH;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R17 at release time, never before: the fix commits of {@code fixBranch} cherry-picked onto the
 * branch of this "Fix onto branch" and pushed as {@code security/<CVE ID>/<branch>}. A conflict
 * is not an error: {@code cherryPickConflict} sends it to release managers with the commit and
 * the files. A refusal of the forge fails the job: its retries, then an incident.
 */
@Component("cherryPickFix")
class CherryPickFix implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CherryPickFix.class);

  private final ForgeGit git;
  private final Forge forge;

  CherryPickFix(ForgeGit git, Forge forge) {
    this.git = git;
    this.forge = forge;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = execution.getProcessBusinessKey();
    String branch = forge.branchOf((String) execution.getVariable(BRANCH));
    String fixBranch = ForgeSteps.required(execution, FIX_BRANCH, "fix branch (\"Develop remediation\" records it)");
    CherryPickOutcome outcome = git.cherryPick(caseId, fixBranch, ForgeSteps.required(execution, CVE_ID, "CVE ID"), branch);
    execution.setVariableLocal(SECURITY_BRANCH, outcome.securityBranch());
    if (outcome instanceof CherryPickOutcome.Conflict conflict) {
      execution.setVariableLocal(CHERRY_PICK_CONFLICT, true);
      execution.setVariableLocal(CONFLICT_COMMIT, conflict.commit());
      execution.setVariableLocal(CONFLICT_FILES, String.join("\n", conflict.files()));
      log.info("{}: the fix conflicts with {} in {} file(s); release managers resolve it", caseId, branch,
          conflict.files().size());
    } else {
      execution.setVariableLocal(CHERRY_PICK_CONFLICT, false);
      execution.setVariableLocal(PULL_REQUEST_HEAD, outcome instanceof CherryPickOutcome.Pushed pushed
          ? pushed.head() : ((CherryPickOutcome.AlreadyPushed) outcome).head());
    }
  }
}
