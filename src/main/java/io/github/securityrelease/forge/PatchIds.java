package io.github.securityrelease.forge;

import java.io.IOException;
import org.eclipse.jgit.diff.PatchIdDiffFormatter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A commit's change, independent of where it was applied: its {@code git patch-id}, JGit's
 * own ({@link PatchIdDiffFormatter}), over the diff without line numbers or index lines. A
 * cherry-pick that applied cleanly has its original's patch ID.
 */
final class PatchIds {

  private final Repository repository;

  PatchIds(Repository repository) {
    this.repository = repository;
  }

  String of(RevCommit commit) throws IOException {
    try (PatchIdDiffFormatter formatter = new PatchIdDiffFormatter()) {
      formatter.setRepository(repository);
      formatter.format(commit.getParentCount() == 0 ? null : commit.getParent(0), commit);
      return formatter.getCalulatedPatchId().name();
    }
  }
}
