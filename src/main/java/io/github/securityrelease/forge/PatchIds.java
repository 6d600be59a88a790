package io.github.securityrelease.forge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A commit's change, independent of where it was applied: like {@code git patch-id}, a hash over
 * its diff's file names and added and removed lines, without line numbers, context or
 * whitespace. A cherry-pick that applied cleanly has its original's patch ID.
 */
final class PatchIds {

  private final Repository repository;

  PatchIds(Repository repository) {
    this.repository = repository;
  }

  String of(RevCommit commit) throws IOException {
    ByteArrayOutputStream diff = new ByteArrayOutputStream();
    try (DiffFormatter formatter = new DiffFormatter(diff)) {
      formatter.setRepository(repository);
      formatter.setContext(0);
      formatter.format(commit.getParentCount() == 0 ? null : commit.getParent(0), commit);
    }
    MessageDigest sha1 = sha1();
    for (String line : diff.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("+") || line.startsWith("-")) {
        sha1.update(line.replaceAll("\\s", "").getBytes(StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(sha1.digest());
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException everyJvmHasIt) {
      throw new IllegalStateException(everyJvmHasIt);
    }
  }
}
