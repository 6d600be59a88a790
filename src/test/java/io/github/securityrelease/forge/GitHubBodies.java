package io.github.securityrelease.forge;

import static io.github.securityrelease.forge.contract.GitHubContract.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * GitHub's answers for the fake's stubs, made from GitHub's own examples (the contract's
 * description), where four of them are stale against their own schemas: those are mended here.
 */
final class GitHubBodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private GitHubBodies() {}

  /** GitHub's example pull request, its stale {@code requested_teams} emptied, on {@code head} into {@code base}. */
  static ObjectNode pull(long number, String head, String base) {
    ObjectNode pull = example("pulls/get", 200);
    pull.put("number", number);
    pull.putArray("requested_teams");
    ((ObjectNode) pull.path("head")).put("ref", head);
    ((ObjectNode) pull.path("base")).put("ref", base);
    return pull;
  }

  /** GitHub's example issue, not a pull request, numbered and titled so. */
  static ObjectNode issue(long number, String title) {
    ObjectNode issue = (ObjectNode) ((ArrayNode) read(github().example("issues/list-for-repo", 200))).get(0);
    issue.put("number", number).put("title", title);
    issue.remove("pull_request");
    return issue;
  }

  /** GitHub's example repository advisory in {@code state}, its stale {@code collaborating_teams} emptied. */
  static ObjectNode advisory(String state) {
    ObjectNode advisory = example("security-advisories/get-repository-advisory", 200);
    advisory.put("state", state);
    advisory.putArray("collaborating_teams");
    return advisory;
  }

  /** GitHub's example release. */
  static ObjectNode release() {
    return example("repos/get-release-by-tag", 200);
  }

  static ArrayNode array(ObjectNode... items) {
    ArrayNode array = JSON.createArrayNode();
    for (ObjectNode item : items) {
      array.add(item);
    }
    return array;
  }

  /** GitHub's error answer. */
  static String error(String message) {
    return JSON.createObjectNode().put("message", message).put("documentation_url", "https://docs.github.com/rest")
        .toString();
  }

  private static ObjectNode example(String operationId, int status) {
    return (ObjectNode) read(github().example(operationId, status));
  }

  private static com.fasterxml.jackson.databind.JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
