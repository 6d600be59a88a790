package io.github.securityrelease.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Checks of the API description against its references: the official OpenAPI 3.1 schema
 * (src/test/resources/schemas/openapi, see the README there) and JSON Schema draft 2020-12
 * (networknt json-schema-validator), every {@code pattern} compiled by an ECMA-262 engine
 * (Node.js's V8, with the {@code u} flag JSON Schema 2020-12 asks for; .ci/run installs
 * Node.js), and a real answer held to the operation that describes it.
 */
final class ApiContract {

  static final String DESCRIPTION_ID = "https://security-release.invalid/v3/api-docs";
  private static final String OPENAPI_31_ID = "https://spec.openapis.org/oas/3.1/schema/WORK-IN-PROGRESS";
  private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode description;
  private final SchemaRegistry registry;

  ApiContract(String descriptionJson) throws IOException {
    this.description = JSON.readTree(descriptionJson);
    String openApiSchema;
    try (InputStream yaml = ApiContract.class.getResourceAsStream("/schemas/openapi/schema.yaml")) {
      openApiSchema = JSON.writeValueAsString(new YAMLMapper().readTree(yaml));
    }
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
        .schemas(Map.of(OPENAPI_31_ID, openApiSchema, DESCRIPTION_ID, descriptionJson)));
  }

  JsonNode description() {
    return description;
  }

  /** What the official OpenAPI 3.1 schema finds wrong with the description. */
  List<String> openApiErrors() {
    return messages(registry.getSchema(SchemaLocation.of(OPENAPI_31_ID)).validate(description));
  }

  /** What the draft 2020-12 meta-schema finds wrong with each Schema Object of the components. */
  List<String> schemaObjectErrors() {
    Schema meta = registry.getSchema(SchemaLocation.of(DRAFT_2020_12));
    List<String> errors = new ArrayList<>();
    description.path("components").path("schemas").properties().forEach(schema ->
        meta.validate(schema.getValue()).forEach(error -> errors.add(schema.getKey() + ": " + error)));
    return errors;
  }

  /** Every {@code pattern} of the description's schemas. */
  List<String> patterns() {
    List<String> patterns = new ArrayList<>();
    collectPatterns(description, patterns);
    return patterns.stream().distinct().sorted().toList();
  }

  private static void collectPatterns(JsonNode node, List<String> patterns) {
    if (node.isObject()) {
      node.properties().forEach(field -> {
        if (field.getKey().equals("pattern") && field.getValue().isTextual()) {
          patterns.add(field.getValue().asText());
        } else {
          collectPatterns(field.getValue(), patterns);
        }
      });
    } else if (node.isArray()) {
      node.forEach(element -> collectPatterns(element, patterns));
    }
  }

  /**
   * The patterns an ECMA-262 engine refuses, each with its message: V8 (Node.js) compiles each as
   * {@code new RegExp(pattern, "u")}. Node.js: docs/testing.md.
   */
  static List<String> notEcma262(List<String> patterns) throws IOException, InterruptedException {
    Process node = new ProcessBuilder("node", "-e", """
        const patterns = JSON.parse(require('fs').readFileSync(0, 'utf8'));
        const refused = [];
        for (const p of patterns) {
          try { new RegExp(p, 'u'); } catch (e) { refused.push(p + ' -> ' + e.message); }
        }
        process.stdout.write(JSON.stringify(refused));
        """).redirectErrorStream(true).start();
    node.getOutputStream().write(JSON.writeValueAsBytes(patterns));
    node.getOutputStream().close();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
      throw new IllegalStateException("node failed: " + out);
    }
    List<String> refused = new ArrayList<>();
    JSON.readTree(out).forEach(message -> refused.add(message.asText()));
    return refused;
  }

  /**
   * What is wrong with a real answer as the description has it: its status must be one the
   * operation lists, its media type one that status lists, and a JSON body must match the schema.
   */
  List<String> answerErrors(String method, String path, int status, String contentType, String body) {
    JsonNode operation = operation(method, path);
    if (operation == null) {
      return List.of(method + " " + path + " is not described");
    }
    JsonNode response = operation.path("responses").path(Integer.toString(status));
    if (response.isMissingNode()) {
      return List.of(method + " " + path + " answered " + status + ", which it does not list: "
          + operation.path("responses").properties().stream().map(Map.Entry::getKey).toList());
    }
    JsonNode content = response.path("content");
    if (body == null || body.isEmpty()) {
      return content.isMissingNode() || content.isEmpty() ? List.of()
          : List.of(method + " " + path + " " + status + " had no body, described with " + content);
    }
    String mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
    JsonNode described = content.path(mediaType);
    if (described.isMissingNode()) {
      List<String> listed = new ArrayList<>();
      content.fieldNames().forEachRemaining(listed::add);
      return List.of(method + " " + path + " " + status + " answered " + mediaType + ", described as " + listed);
    }
    if (!mediaType.endsWith("json") || described.path("schema").isMissingNode()) {
      return List.of();
    }
    String schema = described.path("schema").toString().replace("\"#/components/", "\"" + DESCRIPTION_ID + "#/components/");
    try {
      Schema check = registry.getSchema(SchemaLocation.of("https://security-release.invalid/answer"), JSON.readTree(schema));
      return messages(check.validate(JSON.readTree(body))).stream()
          .map(message -> method + " " + path + " " + status + ": " + message).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The operation whose path template matches {@code path}. */
  private JsonNode operation(String method, String path) {
    String bare = path.split("\\?")[0];
    if (description.path("paths").path(bare).has(method.toLowerCase())) {
      return description.path("paths").path(bare).path(method.toLowerCase());
    }
    for (Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = paths.next();
      String template = "^" + Pattern.quote(entry.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "$";
      if (bare.matches(template) && entry.getValue().has(method.toLowerCase())) {
        return entry.getValue().path(method.toLowerCase());
      }
    }
    return null;
  }

  private static List<String> messages(List<Error> errors) {
    return errors.stream().map(Error::toString).toList();
  }
}
