package io.github.securityrelease.forge.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.securityrelease.contract.OpenApiContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's REST API as its published OpenAPI description says it is: the subset kept in
 * {@code src/test/resources/contracts/github} (its README names the source and commit), checked
 * as {@link OpenApiContract} checks any, and with GitHub's own rules on top: the {@code Accept}
 * media types and the API version header.
 */
public final class GitHubContract extends OpenApiContract {

  /** Where the kept description is on the test classpath. */
  static final String RESOURCE = "contracts/github/api.github.com.subset.json";

  /** The API version the kept description describes: what the service sends as {@code X-GitHub-Api-Version}. */
  public static final String API_VERSION = "2022-11-28";

  /** The media types GitHub answers a REST call with as JSON. */
  private static final Set<String> JSON_MEDIA_TYPES = Set.of("application/vnd.github+json", "application/json");

  /**
   * The custom media types GitHub's description lists in an operation's text, e.g.
   * application/vnd.github.raw+json, and application/octet-stream where the text offers it
   * (repos/get-release-asset: the asset's bytes).
   */
  private static final Pattern CUSTOM_MEDIA_TYPE =
      Pattern.compile("application/vnd\\.github\\.[a-z0-9.+-]+|application/octet-stream");

  private static final GitHubContract INSTANCE = new GitHubContract();

  private GitHubContract() {
    super(RESOURCE, "GitHub's", false);
  }

  /** The kept description, read once for the whole test JVM. */
  public static GitHubContract github() {
    return INSTANCE;
  }

  @Override
  protected List<String> headerViolations(String operationId, JsonNode operation, Map<String, String> headers) {
    List<String> violations = new ArrayList<>();
    String accept = headers.get("accept");
    if (accept != null && !acceptable(operation, accept)) {
      violations.add(operationId + ": Accept '" + accept + "' is none of GitHub's media types for it "
          + JSON_MEDIA_TYPES + " or " + responseMediaTypes(operation));
    }
    String version = headers.get("x-github-api-version");
    if (version != null && !version.equals(API_VERSION)) {
      violations.add(operationId + ": X-GitHub-Api-Version '" + version + "' is not the version described, "
          + API_VERSION);
    }
    return violations;
  }

  @Override
  protected List<String> responseMediaTypes(JsonNode operation) {
    List<String> types = new ArrayList<>(super.responseMediaTypes(operation));
    Matcher custom = CUSTOM_MEDIA_TYPE.matcher(operation.path("description").asText());
    while (custom.find()) {
      types.add(custom.group());
    }
    return types;
  }

  private boolean acceptable(JsonNode operation, String accept) {
    for (String part : accept.split(",")) {
      String type = mediaType(part);
      if (!type.equals("*/*") && !JSON_MEDIA_TYPES.contains(type) && !responseMediaTypes(operation).contains(type)) {
        return false;
      }
    }
    return true;
  }
}
