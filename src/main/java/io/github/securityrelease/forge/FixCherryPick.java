package io.github.securityrelease.forge;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.CherryPickResult;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.EmptyCommitException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * R17 release day, the git part: picks the fix commits onto one branch and pushes
 * {@code security/<CVE ID>/<branch>} to the public remote, for the pull request that follows.
 * <p>
 * It works in a directory of its own per CVE ID and branch under {@code workBase}, fetching
 * into it again on a retry. A retry changes nothing when the branch is on the public remote
 * already with the same fix commits, known by the "(cherry picked from commit …)" line or by
 * their patch IDs; it never overwrites a branch that holds anything else.
 */
public class FixCherryPick {

  /** The branch the fix is developed against, as the policy names it. */
  static final String MASTER = "master";

  private static final Logger log = LoggerFactory.getLogger(FixCherryPick.class);
  private static final String PRIVATE = "refs/remotes/private/";
  private static final String PUBLIC = "refs/remotes/public/";

  private final Path workBase;
  private final String committerName;
  private final String committerEmail;
  private final String mainBranch;

  /** The picks are committed as {@code committerName <committerEmail>}; each keeps its fix commit's author. */
  public FixCherryPick(Path workBase, String committerName, String committerEmail) {
    this(workBase, committerName, committerEmail, MASTER);
  }

  /** As above, for a project whose main branch, the policy's "master", is {@code mainBranch}. */
  public FixCherryPick(Path workBase, String committerName, String committerEmail, String mainBranch) {
    this.workBase = workBase;
    this.committerName = committerName;
    this.committerEmail = committerEmail;
    this.mainBranch = mainBranch;
  }

  /**
   * The commit {@code branch} of {@code remote} points at, or empty where there is no such
   * branch: a person's resolution pushed there, for instance.
   */
  public Optional<String> remoteHead(String remote, String branch, CredentialsProvider credentials) {
    Redaction redaction = new Redaction(credentials, remote);
    try {
      return Git.lsRemoteRepository().setRemote(remote).setHeads(true).setCredentialsProvider(redaction).call()
          .stream().filter(ref -> ref.getName().equals("refs/heads/" + branch))
          .map(ref -> ref.getObjectId().name()).findFirst();
    } catch (GitAPIException e) {
      throw new ForgeException(branch + ": " + e.getClass().getSimpleName() + ": " + redaction.redact(e.getMessage()));
    }
  }

  /**
   * Picks and pushes one branch. {@code credentials} may be null where the remotes need none;
   * a transport error or a refused push is a {@link ForgeException} without them in it.
   */
  public CherryPickOutcome cherryPick(CherryPickRequest request, CredentialsProvider credentials) {
    Redaction redaction = new Redaction(credentials, request.privateRemote(), request.publicRemote());
    try (Git git = workingCopy(request)) {
      fetch(git, request, redaction);
      List<RevCommit> fixes = fixCommits(git.getRepository(), request);
      Ref pushed = git.getRepository().exactRef(PUBLIC + request.securityBranch());
      if (pushed != null) {
        return alreadyPushed(git.getRepository(), request, fixes, pushed.getObjectId());
      }
      return pickAndPush(git, request, fixes, redaction);
    } catch (GitAPIException | IOException e) {
      throw new ForgeException(request.securityBranch() + ": " + e.getClass().getSimpleName() + ": "
          + redaction.redact(e.getMessage()));
    }
  }

  /** Deletes the working directories of {@code cveId}, once its release day is over. */
  public void discard(String cveId) throws IOException {
    CherryPickRequest.requireCveId(cveId);
    FileUtils.delete(workBase.resolve(cveId).toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
  }

  Path workingDirectory(CherryPickRequest request) {
    return workBase.resolve(request.cveId()).resolve(URLEncoder.encode(request.targetBranch(), StandardCharsets.UTF_8));
  }

  private Git workingCopy(CherryPickRequest request) throws GitAPIException, IOException {
    Path directory = workingDirectory(request);
    return directory.resolve(".git").toFile().isDirectory()
        ? Git.open(directory.toFile())
        : Git.init().setDirectory(directory.toFile()).setInitialBranch(mainBranch).call();
  }

  private void fetch(Git git, CherryPickRequest request, Redaction redaction) throws GitAPIException {
    git.fetch().setRemote(request.privateRemote()).setCredentialsProvider(redaction).setRemoveDeletedRefs(true)
        .setRefSpecs(tracking(PRIVATE, request.fixBranch())).call();
    Set<RefSpec> specs = new HashSet<>(List.of(tracking(PUBLIC, mainBranch), tracking(PUBLIC, request.targetBranch()),
        tracking(PUBLIC, "security/" + request.cveId() + "/*")));
    git.fetch().setRemote(request.publicRemote()).setCredentialsProvider(redaction).setRemoveDeletedRefs(true)
        .setRefSpecs(List.copyOf(specs)).call();
  }

  private static RefSpec tracking(String prefix, String branch) {
    return new RefSpec("+refs/heads/" + branch + ":" + prefix + branch);
  }

  /** The commits on the fix branch that the public main branch lacks, oldest first. */
  private List<RevCommit> fixCommits(Repository repository, CherryPickRequest request) throws IOException {
    List<RevCommit> fixes = between(repository, PRIVATE + request.fixBranch(), PUBLIC + mainBranch);
    if (fixes.isEmpty()) {
      throw new ForgeException(request.securityBranch() + ": the fix branch " + request.fixBranch()
          + " holds no commit that " + mainBranch + " of the public remote lacks");
    }
    for (RevCommit fix : fixes) {
      if (fix.getParentCount() > 1) {
        throw new ForgeException(request.securityBranch() + ": the fix branch " + request.fixBranch()
            + " holds the merge commit " + fix.name() + "; only a linear history can be picked");
      }
    }
    return fixes;
  }

  private static List<RevCommit> between(Repository repository, String head, String base) throws IOException {
    try (RevWalk walk = new RevWalk(repository)) {
      walk.markStart(walk.parseCommit(repository.resolve(head)));
      walk.markUninteresting(walk.parseCommit(repository.resolve(base)));
      walk.sort(RevSort.TOPO);
      walk.sort(RevSort.REVERSE, true);
      List<RevCommit> commits = new ArrayList<>();
      walk.forEach(commits::add);
      return commits;
    }
  }

  private static CherryPickOutcome alreadyPushed(Repository repository, CherryPickRequest request,
      List<RevCommit> fixes, ObjectId head) throws IOException {
    List<RevCommit> picks = between(repository, PUBLIC + request.securityBranch(), PUBLIC + request.targetBranch());
    PatchIds patchIds = new PatchIds(repository);
    List<String> fixIds = new ArrayList<>();
    for (RevCommit fix : fixes) {
      fixIds.add(patchIds.of(fix));
    }
    Set<Integer> matched = new HashSet<>();
    for (RevCommit pick : picks) {
      String patchId = patchIds.of(pick);
      for (int i = 0; i < fixes.size(); i++) {
        if (pick.getFullMessage().contains(pickedLine(fixes.get(i))) || fixIds.get(i).equals(patchId)) {
          matched.add(i);
        }
      }
    }
    if (picks.size() != fixes.size() || matched.size() != fixes.size()) {
      throw new ForgeException(request.securityBranch() + " is on the public remote already with other commits"
          + " than the fix's; it is left as it is");
    }
    log.info("{} is on the public remote already with the {} fix commit(s): nothing to do",
        request.securityBranch(), fixes.size());
    return new CherryPickOutcome.AlreadyPushed(request.securityBranch(), head.name());
  }

  private CherryPickOutcome pickAndPush(Git git, CherryPickRequest request, List<RevCommit> fixes,
      Redaction redaction) throws GitAPIException, IOException {
    String branch = request.securityBranch();
    startFrom(git, branch, PUBLIC + request.targetBranch());
    List<String> picked = new ArrayList<>();
    for (RevCommit fix : fixes) {
      CherryPickResult result = git.cherryPick().include(fix).setNoCommit(true).call();
      if (result.getStatus() == CherryPickResult.CherryPickStatus.CONFLICTING) {
        List<String> files = git.status().call().getConflicting().stream().sorted().toList();
        git.reset().setMode(ResetType.HARD).call();
        log.info("{}: the fix commit {} conflicts in {}; nothing pushed", branch, fix.name(), files);
        return new CherryPickOutcome.Conflict(branch, fix.name(), files);
      }
      if (result.getStatus() != CherryPickResult.CherryPickStatus.OK) {
        throw new ForgeException(branch + ": the fix commit " + fix.name() + " could not be picked: "
            + result.getFailingPaths());
      }
      commit(git, request, fix);
      picked.add(fix.name());
    }
    push(git, request, redaction);
    String head = git.getRepository().resolve("refs/heads/" + branch).name();
    log.info("{}: pushed {} fix commit(s) to {}", branch, picked.size(), redaction.redact(request.publicRemote()));
    return new CherryPickOutcome.Pushed(branch, head, picked);
  }

  /** The local branch, fresh from the target, whatever an earlier attempt left in the directory. */
  private static void startFrom(Git git, String branch, String target) throws GitAPIException, IOException {
    if (git.getRepository().resolve("HEAD") != null) {
      git.reset().setMode(ResetType.HARD).call();
      git.clean().setCleanDirectories(true).setForce(true).call();
    }
    // detached first: JGit moves no branch that is checked out, and an earlier attempt left this one so
    git.checkout().setName(target).setForced(true).call();
    git.branchCreate().setName(branch).setForce(true).setStartPoint(target).call();
    git.checkout().setName(branch).call();
  }

  private void commit(Git git, CherryPickRequest request, RevCommit fix) throws GitAPIException {
    try {
      git.commit().setAllowEmpty(false).setAuthor(fix.getAuthorIdent())
          .setCommitter(new PersonIdent(committerName, committerEmail))
          .setMessage(fix.getFullMessage().stripTrailing() + "\n\n" + pickedLine(fix) + "\n").call();
    } catch (EmptyCommitException alreadyThere) {
      throw new ForgeException(request.securityBranch() + ": the fix commit " + fix.name() + " changes nothing on "
          + request.targetBranch() + "; is the fix there already?");
    }
  }

  /** What {@code git cherry-pick -x} writes, and what a retry recognizes a pick by. */
  private static String pickedLine(RevCommit fix) {
    return "(cherry picked from commit " + fix.name() + ")";
  }

  private static void push(Git git, CherryPickRequest request, Redaction redaction) throws GitAPIException {
    String ref = "refs/heads/" + request.securityBranch();
    Iterable<PushResult> results = git.push().setRemote(request.publicRemote()).setCredentialsProvider(redaction)
        .setRefSpecs(new RefSpec(ref + ":" + ref)).call();
    for (PushResult result : results) {
      RemoteRefUpdate update = result.getRemoteUpdate(ref);
      switch (update.getStatus()) {
        case OK, UP_TO_DATE -> { }
        case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> throw new ForgeException(request.securityBranch()
            + " exists on the public remote with other content; the push was rejected and nothing was overwritten");
        default -> throw new ForgeException(request.securityBranch() + ": the public remote refused the push ("
            + update.getStatus() + (update.getMessage() == null ? "" : ": " + redaction.redact(update.getMessage()))
            + ")");
      }
    }
  }
}
