package io.github.securityrelease.forge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * GitHub's example deliveries (src/test/resources/contracts/github/webhooks, their source in that
 * folder's README), made each test's own: a delivery's body is on record once, so two tests
 * posting the same example would see the second as a replay.
 */
final class WebhookPayloads {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookPayloads() {}

  /** The {@code pull_request} {@code closed} example, merged or not, as pull request {@code number} of {@code repository}. */
  static byte[] pullRequestClosed(long number, boolean merged, String repository) {
    ObjectNode payload = example("pull_request.closed.json");
    payload.put("number", number);
    ObjectNode pull = (ObjectNode) payload.get("pull_request");
    pull.put("number", number);
    pull.put("html_url", "https://github.com/" + repository + "/pull/" + number);
    pull.put("merged", merged);
    pull.put("merged_at", merged ? "2019-05-15T15:21:18Z" : null);
    ((ObjectNode) pull.get("base").get("repo")).put("full_name", repository);
    ((ObjectNode) payload.get("repository")).put("full_name", repository);
    return bytes(payload);
  }

  /**
   * The {@code pull_request} {@code closed} example, merged, as pull request {@code number} of
   * {@code repository} from its branch {@code head} at {@code headSha} into {@code base}, merged as {@code mergeCommit}.
   */
  static byte[] pullRequestMerged(long number, String repository, String head, String headSha, String base,
      String mergeCommit) {
    ObjectNode payload = example(pullRequestClosed(number, true, repository));
    ObjectNode pull = (ObjectNode) payload.get("pull_request");
    ((ObjectNode) pull.get("head")).put("ref", head).put("sha", headSha);
    ((ObjectNode) pull.get("base")).put("ref", base);
    pull.put("merge_commit_sha", mergeCommit);
    return bytes(payload);
  }

  /**
   * New commits on an open pull request's head: GitHub's {@code synchronize}, made from the
   * {@code closed} example (the same {@code pull_request} object), with {@code before} and
   * {@code after} as GitHub sends them.
   */
  static byte[] pullRequestSynchronized(long number, String repository, String head, String before, String headSha,
      String base) {
    ObjectNode payload = example(pullRequestClosed(number, false, repository));
    payload.put("action", "synchronize").put("before", before).put("after", headSha);
    ObjectNode pull = (ObjectNode) payload.get("pull_request");
    pull.put("state", "open").putNull("closed_at").putNull("merge_commit_sha");
    ((ObjectNode) pull.get("head")).put("ref", head).put("sha", headSha);
    ((ObjectNode) pull.get("base")).put("ref", base);
    return bytes(payload);
  }

  /** The {@code ping} example, of the hook {@code hookId}. */
  static byte[] ping(long hookId) {
    ObjectNode payload = example("ping.json");
    payload.put("hook_id", hookId);
    return bytes(payload);
  }

  static ObjectNode example(String name) {
    try (InputStream in = WebhookPayloads.class.getResourceAsStream("/contracts/github/webhooks/" + name)) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode example(byte[] payload) {
    try {
      return (ObjectNode) JSON.readTree(payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(ObjectNode payload) {
    try {
      return JSON.writeValueAsBytes(payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
