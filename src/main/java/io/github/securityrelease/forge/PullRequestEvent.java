package io.github.securityrelease.forge;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code pull_request} delivery of GitHub's webhook, signed and taken once: published as a
 * Spring application event in the transaction that puts the delivery on record, so a listener
 * that throws undoes the record and GitHub's redelivery comes through again. A listener sees
 * each delivery once, but the same change of a pull request may come twice in two deliveries
 * (GitHub's and the service's own polling): it acts only on what it has not seen.
 *
 * @param action GitHub's {@code action}: {@code opened}, {@code synchronize} (new commits on the
 *     head), {@code closed} (with {@code merged}), ...
 * @param number the pull request's number
 * @param htmlUrl its page
 * @param head the branch it merges ({@code head.ref})
 * @param headSha the head's commit now: not the one the service pushed means it was changed (R17 "unchanged")
 * @param base the branch it merges into ({@code base.ref})
 * @param merged whether it was merged
 * @param mergeCommitSha the merge's commit once merged, else GitHub's test merge or null
 * @param repository {@code owner/name} of the base's repository ({@code base.repo.full_name})
 */
public record PullRequestEvent(String action, long number, String htmlUrl, String head, String headSha, String base,
    boolean merged, String mergeCommitSha, String repository) {

  /** Thrown when the payload lacks a field the event needs: GitHub's never does. */
  static final class NotAPullRequest extends IllegalArgumentException {

    NotAPullRequest(String field) {
      super("The pull_request payload has no " + field);
    }
  }

  /** The event of a {@code pull_request} payload. */
  static PullRequestEvent of(JsonNode payload) {
    JsonNode pull = payload.path("pull_request");
    return new PullRequestEvent(text(payload, "action"), number(payload), text(pull, "html_url"),
        text(pull.path("head"), "ref"), text(pull.path("head"), "sha"), text(pull.path("base"), "ref"),
        pull.path("merged").asBoolean(false), pull.path("merge_commit_sha").textValue(),
        text(pull.path("base").path("repo"), "full_name"));
  }

  private static long number(JsonNode payload) {
    JsonNode number = payload.path("number");
    if (!number.canConvertToLong() || !number.isIntegralNumber()) {
      throw new NotAPullRequest("number");
    }
    return number.longValue();
  }

  private static String text(JsonNode node, String field) {
    String value = node.path(field).textValue();
    if (value == null || value.isEmpty()) {
      throw new NotAPullRequest(field);
    }
    return value;
  }
}
