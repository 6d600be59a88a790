package io.github.securityrelease.forge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Real git remotes for the tests, bare repositories in a temporary directory: the public one
 * with {@code master} and two release branches, the private one a copy of it with the fix on
 * {@code fix/parser}. The fix changes {@code Parser.java}'s second line and the docs; {@code
 * release-1.x} changed that line differently, so the fix conflicts there alone.
 */
final class GitRemotes implements AutoCloseable {

  static final String FIX_BRANCH = "fix/parser";
  static final PersonIdent DEVELOPER = new PersonIdent("Dana Developer", "dana@example.org");

  final Path publicRemote;
  final Path privateRemote;
  private final Git seed;

  GitRemotes(Path root) throws GitAPIException, IOException {
    publicRemote = root.resolve("public.git");
    privateRemote = root.resolve("private.git");
    Git.init().setBare(true).setInitialBranch("master").setDirectory(publicRemote.toFile()).call().close();
    seed = Git.init().setInitialBranch("master").setDirectory(root.resolve("seed").toFile()).call();
    write("Parser.java", "parse\ncheck\nreturn\n");
    write("docs.md", "# Docs\n");
    commit("Initial version");
    branch("release-1.x");
    write("Parser.java", "parse\ncheck lightly\nreturn\n");
    commit("1.x parses lightly");
    seed.checkout().setName("master").call();
    branch("release-2.x");
    write("Changes.md", "2.x\n");
    commit("2.x changes");
    seed.checkout().setName("master").call();
    write("README.md", "# Project\n");
    commit("A readme");
    push(publicRemote, "refs/heads/*");
    Git.cloneRepository().setBare(true).setURI(url(publicRemote)).setDirectory(privateRemote.toFile()).call().close();
    seed.checkout().setName(FIX_BRANCH).setCreateBranch(true).call();
    write("Parser.java", "parse\ncheck bounds\nreturn\n");
    commit("Check the bounds before parsing");
    write("docs.md", "# Docs\nInput is bounds-checked.\n");
    commit("Document the bounds check");
    push(privateRemote, "refs/heads/" + FIX_BRANCH);
  }

  static String url(Path repository) {
    return repository.toUri().toString();
  }

  /** A commit on the public remote's {@code branch} that adds {@code file}, as someone else might push it. */
  void pushToPublic(String branch, String startPoint, String file, String content) throws GitAPIException,
      IOException {
    seed.checkout().setName(branch).setCreateBranch(true).setStartPoint(startPoint).setForceRefUpdate(true).call();
    write(file, content);
    commit("Someone else's change");
    push(publicRemote, "refs/heads/" + branch);
  }

  /** {@code commit} picked onto {@code branch} without the "(cherry picked from …)" line, as a person would. */
  void pickByHand(String branch, String startPoint, String... commits) throws GitAPIException, IOException {
    seed.checkout().setName(branch).setCreateBranch(true).setStartPoint(startPoint).setForceRefUpdate(true).call();
    for (String commit : commits) {
      seed.cherryPick().include(ObjectId.fromString(commit)).call();
    }
    push(publicRemote, "refs/heads/" + branch);
  }

  ObjectId publicRef(String branch) throws IOException {
    try (Repository repository = Git.open(publicRemote.toFile()).getRepository()) {
      return repository.resolve("refs/heads/" + branch);
    }
  }

  RevCommit publicCommit(String revision) throws IOException {
    try (Git git = Git.open(publicRemote.toFile())) {
      return git.getRepository().parseCommit(git.getRepository().resolve(revision));
    }
  }

  String publicFile(String branch, String file) throws IOException {
    try (Git git = Git.open(publicRemote.toFile())) {
      Repository repository = git.getRepository();
      RevTree tree = repository.parseCommit(repository.resolve("refs/heads/" + branch)).getTree();
      try (TreeWalk walk = TreeWalk.forPath(repository, file, tree)) {
        return new String(repository.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  String fixCommit(int index) throws IOException, GitAPIException {
    List<RevCommit> commits = new ArrayList<>();
    seed.log().addRange(seed.getRepository().resolve("master"), seed.getRepository().resolve(FIX_BRANCH)).call()
        .forEach(commits::add);
    return commits.get(commits.size() - 1 - index).name();
  }

  private void write(String file, String content) throws IOException {
    Files.writeString(seed.getRepository().getWorkTree().toPath().resolve(file), content);
  }

  private void commit(String message) throws GitAPIException {
    seed.add().addFilepattern(".").call();
    seed.commit().setMessage(message).setAuthor(DEVELOPER).setCommitter(DEVELOPER).call();
  }

  private void branch(String name) throws GitAPIException {
    seed.checkout().setName(name).setCreateBranch(true).call();
  }

  private void push(Path remote, String refs) throws GitAPIException {
    seed.push().setRemote(url(remote)).setRefSpecs(new RefSpec("+" + refs + ":" + refs)).call();
  }

  @Override
  public void close() {
    seed.close();
  }
}
