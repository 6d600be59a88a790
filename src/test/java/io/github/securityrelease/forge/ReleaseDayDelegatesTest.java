package io.github.securityrelease.forge;

import static io.github.securityrelease.forge.GitRemotes.FIX_BRANCH;
import static io.github.securityrelease.forge.GitRemotes.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release day's delegates (R17) against real git remotes: the pick of each branch, a conflict
 * left to people, the resolution checked on the public remote, the pull request on record, and
 * the merge's heads compared.
 */
class ReleaseDayDelegatesTest {

  private static final String CVE = "CVE-2026-4242";

  @TempDir
  Path root;

  private GitRemotes remotes;
  private ForgeProperties properties;
  private ForgeGit git;
  private final List<ForgeCall> calls = new ArrayList<>();
  private final Map<String, Object> variables = new HashMap<>();

  @BeforeEach
  void remotes() throws Exception {
    remotes = new GitRemotes(root.resolve("remotes"));
    properties = new ForgeProperties(URI.create("https://api.github.com"), "octo/widget", "not-a-real-token",
        url(remotes.privateRemote), url(remotes.publicRemote), null, "master", root.resolve("work"), "bot",
        "bot@localhost", "{version}", Duration.ofMinutes(15), false);
    git = new ForgeGit(properties, calls::add, Clock.systemUTC());
    variables.putAll(Map.of("fixBranch", FIX_BRANCH, "cveId", CVE, "title", "Parser overflow"));
  }

  @Test
  @DisplayName("R17 a clean pick is pushed as security/<CVE>/<branch>, its head kept for the pull request, the push on the case's record")
  void cleanPick() throws Exception {
    variables.put("branch", "release-2.x");
    new CherryPickFix(git, new Forge(properties)).execute(execution());
    assertThat(variables).containsEntry("cherryPickConflict", false)
        .containsEntry("securityBranch", "security/" + CVE + "/release-2.x");
    assertThat(variables.get("pullRequestHead")).isEqualTo(publicHead("security/" + CVE + "/release-2.x"));
    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.operation()).isEqualTo("git/cherry-pick-and-push");
      assertThat(call.caseId()).isEqualTo(Executions.CASE_ID);
      assertThat(call.error()).isNull();
    });
  }

  @Test
  @DisplayName("R17 the plan's master is the configured main branch")
  void mainBranch() {
    variables.put("branch", "master");
    new CherryPickFix(git, new Forge(properties)).execute(execution());
    assertThat(variables).containsEntry("securityBranch", "security/" + CVE + "/master");
  }

  @Test
  @DisplayName("R17 a conflict pushes nothing and names the files for release managers, whose completion is refused until the resolution is on the public remote")
  void conflict() throws Exception {
    variables.put("branch", "release-1.x");
    new CherryPickFix(git, new Forge(properties)).execute(execution());
    assertThat(variables).containsEntry("cherryPickConflict", true).containsEntry("conflictFiles", "Parser.java");
    assertThat(publicHead("security/" + CVE + "/release-1.x")).isNull();

    DelegateTask resolve = mock(DelegateTask.class);
    DelegateExecution execution = execution();
    when(resolve.getExecution()).thenReturn(execution);
    when(resolve.getVariable("securityBranch")).thenReturn(variables.get("securityBranch"));
    CheckCherryPickResolved check = new CheckCherryPickResolved(git);
    assertThatThrownBy(() -> check.notify(resolve)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("securityBranch").hasMessageContaining("not on the public repository yet");

    remotes.pushToPublic("security/" + CVE + "/release-1.x", "release-1.x", "Parser.java", "parse\nresolved\nreturn\n");
    check.notify(resolve);
  }

  @Test
  @DisplayName("R17 the fix branch is named, and named as git would take it, when the forge is set")
  void fixBranchChecked() {
    DelegateTask task = mock(DelegateTask.class);
    CheckFixBranch configured = new CheckFixBranch(new Forge(properties));
    assertThatThrownBy(() -> configured.notify(task)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("fixBranch");
    when(task.getVariable("fixBranch")).thenReturn("fix/../..lock");
    assertThatThrownBy(() -> configured.notify(task)).hasMessageContaining("is not a branch name");
    when(task.getVariable("fixBranch")).thenReturn(FIX_BRANCH);
    configured.notify(task);

    DelegateTask unset = mock(DelegateTask.class);
    new CheckFixBranch(new Forge(new ForgeProperties(URI.create("https://api.github.com"), null, null, null, null,
        null, "master", null, "bot", "bot@localhost", "{version}", Duration.ofMinutes(15), false))).notify(unset);
  }

  @Test
  @DisplayName("R17 the pull request is opened with the pushed head on record, and a merge of another head is flagged")
  void pullRequestAndMerge() {
    GitHub gitHub = mock(GitHub.class);
    String pushed = "a".repeat(40);
    when(gitHub.findOrOpenPullRequest(eq(Executions.CASE_ID), eq("security/" + CVE + "/master"), eq("master"),
        anyString(), anyString())).thenReturn(new GitHub.PullRequest(12, "https://github.com/octo/widget/pull/12",
        "open", false, "security/" + CVE + "/master", pushed, "master", null));
    ForgePullRequests pullRequests = mock(ForgePullRequests.class);
    variables.putAll(Map.of("branch", "master", "securityBranch", "security/" + CVE + "/master",
        "cherryPickConflict", false, "pullRequestHead", pushed));
    new OpenPullRequest(Executions.provider(gitHub), new Forge(properties), pullRequests).execute(execution());
    verify(pullRequests).opened(new ForgePullRequests.Opened(Executions.CASE_ID, "master",
        "security/" + CVE + "/master", 12, "https://github.com/octo/widget/pull/12", pushed));
    assertThat(variables).containsEntry("pullRequestNumber", 12L).containsEntry("pullRequestHead", pushed);

    variables.putAll(Map.of("mergedHead", pushed, "mergeCommit", "1".repeat(40)));
    new RecordMerge().execute(execution());
    assertThat(variables).containsEntry("pullRequestChanged", false).containsEntry("cherryPicks", "master: " + "1".repeat(40));

    variables.put("mergedHead", "b".repeat(40));
    new RecordMerge().execute(execution());
    assertThat(variables).containsEntry("pullRequestChanged", true);
  }

  /** The case's variables, local ones among them (a branch's sub-process is one case here). */
  private DelegateExecution execution() {
    DelegateExecution execution = Executions.of(variables);
    lenient().doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
        .when(execution).setVariableLocal(anyString(), any());
    lenient().when(execution.getProcessInstance()).thenReturn(execution);
    return execution;
  }

  private String publicHead(String branch) throws Exception {
    try (Git bare = Git.open(remotes.publicRemote.toFile())) {
      var ref = bare.getRepository().exactRef("refs/heads/" + branch);
      return ref == null ? null : ref.getObjectId().name();
    }
  }
}
