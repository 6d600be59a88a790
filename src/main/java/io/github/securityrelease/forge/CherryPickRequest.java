package io.github.securityrelease.forge;

import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;

/**
 * R17: one branch of release day. The fix commits are those on {@code fixBranch} of the private
 * remote that the public remote's master lacks; they go onto {@code targetBranch} as
 * {@code security/<cveId>/<targetBranch>} on the public remote.
 */
public record CherryPickRequest(String privateRemote, String fixBranch, String publicRemote, String cveId,
    String targetBranch) {

  private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");

  public CherryPickRequest {
    requireText(privateRemote, "the private remote");
    requireText(publicRemote, "the public remote");
    requireCveId(cveId);
    requireBranch(fixBranch, "the fix branch");
    requireBranch(targetBranch, "the target branch");
  }

  /** The branch pushed to the public remote, and the pull request's head. */
  public String securityBranch() {
    return "security/" + cveId + "/" + targetBranch;
  }

  /** Also what keeps a CVE ID from naming a directory outside the working directories. */
  static void requireCveId(String cveId) {
    if (cveId == null || !CVE_ID.matcher(cveId).matches()) {
      throw new IllegalArgumentException("'" + cveId + "' is not a CVE ID (CVE-YYYY-NNNN)");
    }
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
  }

  private static void requireBranch(String branch, String what) {
    requireText(branch, what);
    if (!Repository.isValidRefName("refs/heads/" + branch)) {
      throw new IllegalArgumentException("'" + branch + "' is not a valid name for " + what);
    }
  }
}
