package io.github.securityrelease.release;

import static io.github.securityrelease.cases.CaseVariables.*;
import static io.github.securityrelease.engine.TaskInput.bool;
import static io.github.securityrelease.engine.TaskInput.refuse;
import static io.github.securityrelease.engine.TaskInput.requireText;
import static io.github.securityrelease.engine.TaskInput.requireUrl;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** R17: nothing is announced before the binaries are built, public and checked. */
@Component("checkRelease")
class CheckRelease implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    requireText(task, RELEASE_VERSIONS, "name the released versions");
    requireUrl(task, BINARIES_LOCATION, "where the binaries are is required");
    if (!Boolean.TRUE.equals(bool(task, BINARIES_VERIFIED))) {
      throw refuse(BINARIES_VERIFIED, "the binaries must be public and checked to work before the release goes out");
    }
  }
}
