package io.github.securityrelease.forge;

import static io.github.securityrelease.cases.CaseVariables.BRANCH;
import static io.github.securityrelease.cases.CaseVariables.CHERRY_PICK_CONFLICT;
import static io.github.securityrelease.cases.CaseVariables.CVE_ID;
import static io.github.securityrelease.cases.CaseVariables.MERGED_HEAD;
import static io.github.securityrelease.cases.CaseVariables.MERGE_COMMIT;
import static io.github.securityrelease.cases.CaseVariables.PULL_REQUEST_HEAD;
import static io.github.securityrelease.cases.CaseVariables.PULL_REQUEST_NUMBER;
import static io.github.securityrelease.cases.CaseVariables.PULL_REQUEST_URL;
import static io.github.securityrelease.cases.CaseVariables.SECURITY_BRANCH;
import static io.github.securityrelease.cases.CaseVariables.TITLE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R17: the pull request of {@code security/<CVE ID>/<branch>} into the branch, for release
 * managers to merge as quickly as possible and unchanged. A retry finds the one it opened. The
 * head it shows now is on record: a merge of any other head is flagged to the team.
 */
@Component("openPullRequest")
class OpenPullRequest implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(OpenPullRequest.class);

  private final ObjectProvider<GitHub> github;
  private final Forge forge;
  private final ForgePullRequests pullRequests;

  OpenPullRequest(ObjectProvider<GitHub> github, Forge forge, ForgePullRequests pullRequests) {
    this.github = github;
    this.forge = forge;
    this.pullRequests = pullRequests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = execution.getProcessBusinessKey();
    String branch = forge.branchOf((String) execution.getVariable(BRANCH));
    String securityBranch = (String) execution.getVariable(SECURITY_BRANCH);
    String cveId = (String) execution.getVariable(CVE_ID);
    GitHub.PullRequest pullRequest = ForgeSteps.gitHub(github, execution).findOrOpenPullRequest(caseId, securityBranch, branch,
        cveId + ": " + execution.getVariable(TITLE) + " (" + branch + ")",
        "The fix of " + cveId + " for `" + branch + "`, cherry-picked by the Security Release Orchestrator.\n\n"
            + "Please merge it as quickly as possible and unchanged: a change to this branch after it was"
            + " opened is flagged to the security team.");
    String pushed = (String) execution.getVariable(PULL_REQUEST_HEAD);
    boolean resolvedByHand = Boolean.TRUE.equals(execution.getVariable(CHERRY_PICK_CONFLICT));
    // the head the pull request opened with: the service's push, or a release manager's resolution
    String openedHead = resolvedByHand || pushed == null ? pullRequest.headSha() : pushed;
    pullRequests.opened(new ForgePullRequests.Opened(caseId, branch, securityBranch, pullRequest.number(),
        pullRequest.htmlUrl(), openedHead));
    execution.setVariableLocal(PULL_REQUEST_NUMBER, pullRequest.number());
    execution.setVariableLocal(PULL_REQUEST_URL, pullRequest.htmlUrl());
    execution.setVariableLocal(PULL_REQUEST_HEAD, openedHead);
    // declared here, on the branch's "Fix onto branch", so that the merge's delivery sets them here
    execution.setVariableLocal(MERGED_HEAD, null);
    execution.setVariableLocal(MERGE_COMMIT, null);
    log.info("{}: pull request #{} of {} into {}", caseId, pullRequest.number(), securityBranch, branch);
  }
}
