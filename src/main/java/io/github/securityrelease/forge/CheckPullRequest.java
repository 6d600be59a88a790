package io.github.securityrelease.forge;

import static io.github.securityrelease.cases.CaseVariables.PULL_REQUEST_MERGED;
import static io.github.securityrelease.cases.CaseVariables.PULL_REQUEST_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The fallback when no webhook delivery comes (R17): the pull request's state, asked of the
 * forge. Merged: its heads go on record as a delivery's would. Closed unmerged: the branch would
 * never get the fix, so the job fails, and after its retries the incident says why.
 */
@Component("checkPullRequest")
class CheckPullRequest implements JavaDelegate {

  private final ObjectProvider<GitHub> github;
  private final ForgePullRequests pullRequests;

  CheckPullRequest(ObjectProvider<GitHub> github, ForgePullRequests pullRequests) {
    this.github = github;
    this.pullRequests = pullRequests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long number = ((Number) execution.getVariable(PULL_REQUEST_NUMBER)).longValue();
    GitHub.PullRequest pullRequest = ForgeSteps.gitHub(github, execution).pullRequest(execution.getProcessBusinessKey(), number);
    if (pullRequest.merged()) {
      PullRequestMerges.setMerge(execution, pullRequest.headSha(), pullRequest.mergeCommitSha());
      pullRequests.merged(pullRequest.head(), pullRequest.headSha(), pullRequest.mergeCommitSha());
    } else if ("closed".equals(pullRequest.state())) {
      throw new ForgeException("pull request #" + number + " (" + pullRequest.htmlUrl() + ") was closed without"
          + " a merge: reopen and merge it, or merge the branch another way and record it");
    }
    execution.setVariableLocal(PULL_REQUEST_MERGED, pullRequest.merged());
  }
}
