package io.github.securityrelease.forge;

import java.util.List;

/** What one branch's cherry-pick came to; an error that people cannot resolve is a {@link ForgeException}. */
public sealed interface CherryPickOutcome {

  /** The public remote's branch the outcome is about: {@code security/<CVE ID>/<branch>}. */
  String securityBranch();

  /** The fix commits were picked and the branch pushed; {@code head} is what the pull request must show (R17 "unchanged"). */
  record Pushed(String securityBranch, String head, List<String> fixCommits) implements CherryPickOutcome {
    public Pushed {
      fixCommits = List.copyOf(fixCommits);
    }
  }

  /** A retry: the branch is on the public remote already, with the same fix commits; nothing was done. */
  record AlreadyPushed(String securityBranch, String head) implements CherryPickOutcome {
  }

  /**
   * The fix commit {@code commit} does not apply to the branch: release managers resolve it
   * ("Resolve cherry-pick onto &lt;branch&gt;"). Nothing was pushed.
   */
  record Conflict(String securityBranch, String commit, List<String> files) implements CherryPickOutcome {
    public Conflict {
      files = List.copyOf(files);
    }
  }
}
