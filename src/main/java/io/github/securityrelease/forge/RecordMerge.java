package io.github.securityrelease.forge;

import static io.github.securityrelease.cases.CaseVariables.BRANCH;
import static io.github.securityrelease.cases.CaseVariables.MERGED_HEAD;
import static io.github.securityrelease.cases.CaseVariables.MERGE_COMMIT;
import static io.github.securityrelease.cases.CaseVariables.PULL_REQUEST_CHANGED;
import static io.github.securityrelease.cases.CaseVariables.PULL_REQUEST_HEAD;
import static io.github.securityrelease.cases.CaseVariables.PULL_REQUEST_URL;

import io.github.securityrelease.release.CherryPicks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R17: the branch's merged commit on the case's record, as a release manager's "Cherry-pick fix
 * onto branch" puts it; and whether the pull request was merged as it was opened ("unchanged"):
 * {@code pullRequestChanged} sends the other case to the team.
 */
@Component("recordMerge")
class RecordMerge implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RecordMerge.class);

  @Override
  public void execute(DelegateExecution execution) {
    String mergeCommit = (String) execution.getVariable(MERGE_COMMIT);
    String mergedHead = (String) execution.getVariable(MERGED_HEAD);
    String openedHead = (String) execution.getVariable(PULL_REQUEST_HEAD);
    CherryPicks.record(execution, (String) execution.getVariable(BRANCH), mergeCommit);
    boolean changed = openedHead == null || !openedHead.equals(mergedHead);
    execution.setVariableLocal(PULL_REQUEST_CHANGED, changed);
    if (changed) {
      log.warn("{}: {} was merged with head {}, not the {} it was opened with", execution.getProcessBusinessKey(),
          execution.getVariable(PULL_REQUEST_URL), mergedHead, openedHead);
    }
  }
}
