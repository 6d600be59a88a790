package io.github.securityrelease.forge;

import static io.github.securityrelease.forge.GitRemotes.FIX_BRANCH;
import static io.github.securityrelease.forge.GitRemotes.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.securityrelease.forge.CherryPickOutcome.AlreadyPushed;
import io.github.securityrelease.forge.CherryPickOutcome.Conflict;
import io.github.securityrelease.forge.CherryPickOutcome.Pushed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixCherryPickTest {

  private static final String CVE = "CVE-2025-12345";

  @TempDir
  Path root;

  private GitRemotes remotes;
  private FixCherryPick cherryPick;

  @BeforeEach
  void remotes() throws Exception {
    remotes = new GitRemotes(root.resolve("remotes"));
    cherryPick = new FixCherryPick(root.resolve("work"), "Security Release Orchestrator", "security@example.org");
  }

  @AfterEach
  void close() {
    remotes.close();
  }

  @Test
  @DisplayName("R17 the two fix commits are picked onto master and a release branch, oldest first, and pushed")
  void picksAndPushes() throws Exception {
    for (String branch : new String[] {"master", "release-2.x"}) {
      CherryPickOutcome outcome = cherryPick.cherryPick(request(branch), null);

      String securityBranch = "security/" + CVE + "/" + branch;
      assertThat(outcome).isEqualTo(new Pushed(securityBranch, remotes.publicRef(securityBranch).name(),
          List.of(remotes.fixCommit(0), remotes.fixCommit(1))));
      assertThat(remotes.publicFile(securityBranch, "Parser.java")).isEqualTo("parse\ncheck bounds\nreturn\n");
      assertThat(remotes.publicFile(securityBranch, "docs.md")).contains("bounds-checked");
      RevCommit head = remotes.publicCommit(securityBranch);
      assertThat(head.getFullMessage()).isEqualTo("Document the bounds check\n\n(cherry picked from commit "
          + remotes.fixCommit(1) + ")\n");
      assertThat(head.getAuthorIdent().getEmailAddress()).isEqualTo("dana@example.org");
      assertThat(head.getCommitterIdent().getEmailAddress()).isEqualTo("security@example.org");
      assertThat(remotes.publicCommit(securityBranch + "~2")).isEqualTo(remotes.publicCommit(branch));
    }
    assertThat(remotes.publicFile("security/" + CVE + "/release-2.x", "Changes.md")).isEqualTo("2.x\n");
  }

  @Test
  @DisplayName("R17 a retry finds the branch pushed with the same fix commits and does nothing, in the same or a new directory")
  void retryDoesNothing() throws Exception {
    Pushed pushed = (Pushed) cherryPick.cherryPick(request("release-2.x"), null);

    assertThat(cherryPick.cherryPick(request("release-2.x"), null))
        .isEqualTo(new AlreadyPushed(pushed.securityBranch(), pushed.head()));
    FixCherryPick elsewhere = new FixCherryPick(root.resolve("other-node"), "Security Release Orchestrator",
        "security@example.org");
    assertThat(elsewhere.cherryPick(request("release-2.x"), null))
        .isEqualTo(new AlreadyPushed(pushed.securityBranch(), pushed.head()));
    assertThat(remotes.publicRef(pushed.securityBranch()).name()).isEqualTo(pushed.head());
  }

  @Test
  @DisplayName("R17 a branch picked by hand, without the cherry-pick line, is known by its patch IDs")
  void knownByPatchId() throws Exception {
    String securityBranch = "security/" + CVE + "/release-2.x";
    remotes.pickByHand(securityBranch, "release-2.x", remotes.fixCommit(0), remotes.fixCommit(1));
    ObjectId before = remotes.publicRef(securityBranch);

    assertThat(cherryPick.cherryPick(request("release-2.x"), null))
        .isEqualTo(new AlreadyPushed(securityBranch, before.name()));
  }

  @Test
  @DisplayName("R17 a branch that exists with other content is an error naming it, and is left as it is")
  void otherContentIsAnError() throws Exception {
    String securityBranch = "security/" + CVE + "/master";
    remotes.pushToPublic(securityBranch, "master", "Other.java", "other\n");
    ObjectId before = remotes.publicRef(securityBranch);

    assertThatThrownBy(() -> cherryPick.cherryPick(request("master"), null)).isInstanceOf(ForgeException.class)
        .hasMessageContaining(securityBranch).hasMessageContaining("other commits");
    assertThat(remotes.publicRef(securityBranch)).isEqualTo(before);
  }

  @Test
  @DisplayName("R17 a conflict names the fix commit and the conflicting file, pushes nothing, and leaves the directory clean")
  void conflict() throws Exception {
    String securityBranch = "security/" + CVE + "/release-1.x";
    Conflict expected = new Conflict(securityBranch, remotes.fixCommit(0), List.of("Parser.java"));

    assertThat(cherryPick.cherryPick(request("release-1.x"), null)).isEqualTo(expected);
    assertThat(remotes.publicRef(securityBranch)).isNull();
    try (Git work = Git.open(cherryPick.workingDirectory(request("release-1.x")).toFile())) {
      assertThat(work.status().call().isClean()).isTrue();
    }
    assertThat(cherryPick.cherryPick(request("release-1.x"), null)).isEqualTo(expected);
    assertThat(cherryPick.cherryPick(request("master"), null)).isInstanceOf(Pushed.class);
  }

  @Test
  @DisplayName("R17 a fix branch with nothing that master lacks is an error, and nothing is pushed")
  void noFixCommits() {
    CherryPickRequest request = new CherryPickRequest(url(remotes.privateRemote), "master", url(remotes.publicRemote),
        CVE, "release-2.x");

    assertThatThrownBy(() -> cherryPick.cherryPick(request, null)).isInstanceOf(ForgeException.class)
        .hasMessageContaining("holds no commit that master of the public remote lacks");
  }

  @Test
  @DisplayName("R17 a fix branch the private remote does not have is an error naming it")
  void missingFixBranch() {
    CherryPickRequest request = new CherryPickRequest(url(remotes.privateRemote), "fix/elsewhere",
        url(remotes.publicRemote), CVE, "master");

    assertThatThrownBy(() -> cherryPick.cherryPick(request, null)).isInstanceOf(ForgeException.class)
        .hasMessageContaining("fix/elsewhere");
  }

  @Test
  @DisplayName("the request is checked: a CVE ID and valid branch names")
  void requestChecked() {
    assertThatThrownBy(() -> new CherryPickRequest("a", FIX_BRANCH, "b", "CVE-25-1", "master"))
        .hasMessageContaining("not a CVE ID");
    assertThatThrownBy(() -> new CherryPickRequest("a", FIX_BRANCH, "b", CVE, "../master"))
        .hasMessageContaining("not a valid name for the target branch");
    assertThatThrownBy(() -> new CherryPickRequest(" ", FIX_BRANCH, "b", CVE, "master"))
        .hasMessageContaining("the private remote is required");
  }

  @Test
  @DisplayName("discarding a CVE ID deletes its working directories")
  void discard() throws Exception {
    cherryPick.cherryPick(request("master"), null);
    assertThat(root.resolve("work").resolve(CVE)).isDirectory();

    cherryPick.discard(CVE);

    assertThat(Files.exists(root.resolve("work").resolve(CVE))).isFalse();
    assertThatThrownBy(() -> cherryPick.discard("../work")).isInstanceOf(IllegalArgumentException.class);
  }

  private CherryPickRequest request(String branch) {
    return new CherryPickRequest(url(remotes.privateRemote), FIX_BRANCH, url(remotes.publicRemote), CVE, branch);
  }
}
