package io.github.securityrelease.advisory;

import static io.github.securityrelease.cases.CaseVariables.AFFECTED_VERSIONS;
import static io.github.securityrelease.cases.CaseVariables.RELEASE_VERSIONS;
import static io.github.securityrelease.engine.TaskInput.refuse;
import static io.github.securityrelease.engine.TaskInput.text;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.semver4j.Semver;
import org.springframework.stereotype.Component;

/**
 * R18: a release that carries the fix is never called affected. The task that records the
 * fixed releases refuses one that the case's affected versions call affected
 * ({@link AffectedRange#contradicts}): one of the two is wrong, and an advisory made from both
 * would tell consumers that the fix does not fix. Text that does not read as versions is left
 * to the advisory, which keeps it as written.
 */
@Component("checkFixedReleases")
class CheckFixedReleases implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String affected = text(task, AFFECTED_VERSIONS);
    String released = text(task, RELEASE_VERSIONS);
    if (affected == null || released == null) {
      return;
    }
    List<AffectedRange> ranges = AffectedRange.parse(affected).orElse(List.of());
    for (String release : Advisory.releaseList(released)) {
      Semver version = Versions.parse(release).orElse(null);
      if (version != null && ranges.stream().anyMatch(range -> range.contradicts(version))) {
        throw refuse(RELEASE_VERSIONS, release + " carries the fix, yet the affected versions ('" + affected
            + "') call it affected: correct the released versions, or the affected versions first");
      }
    }
  }
}
