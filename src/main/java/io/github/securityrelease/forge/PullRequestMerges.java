package io.github.securityrelease.forge;

import static io.github.securityrelease.cases.CaseVariables.BRANCH;
import static io.github.securityrelease.cases.CaseVariables.CVE_ID;
import static io.github.securityrelease.cases.CaseVariables.PULL_REQUEST_HEAD;
import static io.github.securityrelease.cases.CaseVariables.PULL_REQUEST_URL;
import static io.github.securityrelease.cases.CaseVariables.TITLE;
import static io.github.securityrelease.cases.CaseVariables.MERGED_HEAD;
import static io.github.securityrelease.cases.CaseVariables.MERGE_COMMIT;

import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.notification.MailTemplates;
import io.github.securityrelease.notification.NotificationKind;
import io.github.securityrelease.notification.Notifier;
import io.github.securityrelease.team.SecurityTeam;
import java.util.HashMap;
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
  private final Cases cases;
  private final MailTemplates templates;
  private final Notifier notifier;
  private final SecurityTeam team;

  PullRequestMerges(RuntimeService runtime, ForgePullRequests pullRequests, Forge forge, Cases cases,
      MailTemplates templates, Notifier notifier, SecurityTeam team) {
    this.runtime = runtime;
    this.pullRequests = pullRequests;
    this.forge = forge;
    this.cases = cases;
    this.templates = templates;
    this.notifier = notifier;
    this.team = team;
  }

  /**
   * The webhook's deliveries (R17): a merge moves its branch on. New commits on an open pull
   * request's head (GitHub's {@code synchronize}) are flagged to the team at once, before the
   * merge: once per head, through the ledger; the merge itself is judged again when it comes.
   */
  @EventListener
  void on(PullRequestEvent event) {
    if ("closed".equals(event.action()) && event.merged()) {
      merged(event.head(), event.headSha(), event.mergeCommitSha());
    } else if ("synchronize".equals(event.action())) {
      pullRequests.bySecurityBranch(event.head()).filter(opened -> !opened.openedHead().equals(event.headSha()))
          .ifPresent(opened -> changed(opened, event));
    }
  }

  private void changed(ForgePullRequests.Opened opened, PullRequestEvent event) {
    log.warn("{}: pull request #{} of {} changed after it was opened: head {}, not {}", opened.caseId(),
        opened.number(), event.head(), event.headSha(), opened.openedHead());
    Map<String, Object> model = new HashMap<>();
    cases.find(opened.caseId()).ifPresent(instance -> model.putAll(cases.variables(instance, TITLE, CVE_ID)));
    model.putIfAbsent(TITLE, "");
    model.putIfAbsent(CVE_ID, "");
    model.put("caseId", opened.caseId());
    model.put(BRANCH, opened.branch());
    model.put(PULL_REQUEST_URL, opened.url());
    model.put(PULL_REQUEST_HEAD, opened.openedHead());
    model.put(MERGED_HEAD, event.headSha());
    model.put(MERGE_COMMIT, "");
    try {
      notifier.send(templates.render(NotificationKind.PULL_REQUEST_CHANGED_ALERT, opened.caseId(),
          team.memberEmails(), model).on("changed-head:" + event.headSha()));
    } catch (RuntimeException e) {
      // on the ledger as failed; the merge is judged again when it comes
      log.warn("{}: the alert of the changed pull request #{} was not sent: {}", opened.caseId(), opened.number(),
          e.toString());
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
    pullRequests.merged(securityBranch, mergedHead, mergeCommit);
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
