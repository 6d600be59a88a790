package io.github.securityrelease.forge;

import static io.github.securityrelease.cases.CaseVariables.BRANCH;
import static io.github.securityrelease.cases.CaseVariables.MERGED_HEAD;
import static io.github.securityrelease.cases.CaseVariables.MERGE_COMMIT;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A release-day pull request merged (R17): the webhook's delivery, or the model's own look when
 * none came. Its branch's "Fix onto branch" waits at "Pull request merged" for it; a delivery for
 * a branch that waits no more (merged on record already, or not a security branch of a case)
 * changes nothing.
 */
@Component
class PullRequestMerges {

  static final String MESSAGE = "PullRequestMerged";

  private static final Logger log = LoggerFactory.getLogger(PullRequestMerges.class);

  private final RuntimeService runtime;
  private final ForgePullRequests pullRequests;
  private final Forge forge;

  PullRequestMerges(RuntimeService runtime, ForgePullRequests pullRequests, Forge forge) {
    this.runtime = runtime;
    this.pullRequests = pullRequests;
    this.forge = forge;
  }

  /**
   * The webhook's deliveries (R17): a merge moves its branch on; new commits on an open pull
   * request's head are logged here and judged at the merge, where a head other than the one
   * the pull request opened with is flagged to the team.
   */
  @EventListener
  void on(PullRequestEvent event) {
    if ("closed".equals(event.action()) && event.merged()) {
      merged(event.head(), event.headSha(), event.mergeCommitSha());
    } else if ("synchronize".equals(event.action())) {
      pullRequests.bySecurityBranch(event.head()).filter(opened -> !opened.openedHead().equals(event.headSha()))
          .ifPresent(opened -> log.warn("{}: pull request #{} of {} changed after it was opened: head {}, not {}",
              opened.caseId(), opened.number(), event.head(), event.headSha(), opened.openedHead()));
    }
  }

  /**
   * Moves the case's "Fix onto branch" of {@code securityBranch} on, if it waits for the merge.
   *
   * @return whether a case moved on
   */
  boolean merged(String securityBranch, String mergedHead, String mergeCommit) {
    ForgePullRequests.Opened opened = pullRequests.bySecurityBranch(securityBranch).orElse(null);
    if (opened == null) {
      log.info("A merge of {}, which is no pull request of a case's release day: ignored", securityBranch);
      return false;
    }
    onRecord(securityBranch, mergedHead, mergeCommit);
    if (moveOn(opened.caseId(), opened.branch(), mergedHead, mergeCommit)) {
      log.info("{}: pull request #{} of {} merged as {}", opened.caseId(), opened.number(), securityBranch,
          mergeCommit);
      return true;
    }
    log.info("{}: a merge of {} with nothing waiting for it (on record already)", opened.caseId(), securityBranch);
    return false;
  }

  /** The case's "Fix onto branch" of {@code branch} (the public repository's name), if it waits for the merge. */
  boolean moveOn(String caseId, String branch, String mergedHead, String mergeCommit) {
    for (Execution waiting : runtime.createExecutionQuery().processInstanceBusinessKey(caseId)
        .messageEventSubscriptionName(MESSAGE).list()) {
      if (branch.equals(branchOf(waiting))) {
        // the waiting execution is "Await merge"'s own (a scope, for its timer), which ends with it: the heads go
        // to the branch's "Fix onto branch", where OpenPullRequest declared them
        runtime.messageEventReceived(MESSAGE, waiting.getId(), Map.of(MERGED_HEAD, mergedHead, MERGE_COMMIT, mergeCommit));
        return true;
      }
    }
    return false;
  }

  void onRecord(String securityBranch, String mergedHead, String mergeCommit) {
    pullRequests.merged(securityBranch, mergedHead, mergeCommit);
  }

  static void setMerge(DelegateExecution execution, String mergedHead, String mergeCommit) {
    execution.setVariableLocal(MERGED_HEAD, mergedHead);
    execution.setVariableLocal(MERGE_COMMIT, mergeCommit);
  }

  /** The public repository's branch the waiting execution works on (the plan's "master" its main branch). */
  private String branchOf(Execution waiting) {
    Object planned = runtime.getVariable(waiting.getId(), BRANCH);
    return planned == null ? null : forge.branchOf(planned.toString());
  }
}
