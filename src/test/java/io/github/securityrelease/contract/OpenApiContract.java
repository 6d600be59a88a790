package io.github.securityrelease.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP API as its published OpenAPI 3.0 description says it is: a description kept under
 * {@code src/test/resources/contracts} (its README names the source and commit). A request or
 * a response that the real API would not take or give is a violation, named with the operation
 * and the place in the JSON, so that a fake built on WireMock ({@link ContractFake}) cannot
 * drift from the real thing. Shared by the forge's GitHub contract and CVE Services'; what is
 * one API's own (GitHub's API version header, its media types) is a subclass's.
 *
 * <p>Schemas are read in the OpenAPI 3.0 dialect ({@code nullable}, {@code discriminator})
 * with formats ({@code date-time}, {@code uri}) asserted. Paths are the description's, under
 * the path of its first server's URL when {@code underServerPath} (CVE Services' {@code /api}).
 */
public class OpenApiContract {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode description;
  private final List<Operation> operations = new ArrayList<>();
  private final SchemaRegistry schemas;
  private final Map<JsonNode, Schema> compiled = new IdentityHashMap<>();

  private final String api;
  private final String basePath;

  /**
   * @param resource where the kept description is on the test classpath
   * @param name the API's name in a violation, e.g. {@code GitHub's} in "no such operation in GitHub's description"
   * @param underServerPath whether the paths as sent are under the path of the description's first server
   */
  protected OpenApiContract(String resource, String name, boolean underServerPath) {
    this.api = name;
    try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the test classpath");
      }
      description = JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    basePath = underServerPath
        ? java.net.URI.create(description.path("servers").path(0).path("url").asText("/")).getPath().replaceAll("/+$", "")
        : "";
    schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(), builder -> builder
        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    description.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
      if (METHODS.contains(entry.getKey())) {
        operations.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), entry.getValue(),
            parameters(path.getValue().path("parameters"), entry.getValue().path("parameters"))));
      }
    }));
  }

  /** The path the description's paths are under as sent, e.g. {@code /api}; empty for none. */
  public String basePath() {
    return basePath;
  }

  /** The operation ids the kept description has, e.g. {@code pulls/create}. */
  public List<String> operationIds() {
    return operations.stream().map(Operation::id).toList();
  }

  /**
   * What is wrong with a request the service sends, empty when nothing is.
   *
   * @param pathAndQuery the path as sent, with its query string, without the API's base URL
   * @param headers the request's headers, names in any case
   * @param body the request's body, empty or null for none
   */
  public List<String> requestViolations(String method, String pathAndQuery, Map<String, String> headers, String body) {
    String path = pathAndQuery;
    String query = "";
    int question = pathAndQuery.indexOf('?');
    if (question >= 0) {
      path = pathAndQuery.substring(0, question);
      query = pathAndQuery.substring(question + 1);
    }
    Optional<Match> found = find(method, path);
    if (found.isEmpty()) {
      return List.of(method + " " + path + ": no such operation in " + api + " description");
    }
    Match match = found.get();
    Operation operation = match.operation();
    List<String> violations = new ArrayList<>();
    Map<String, String> lowerHeaders = new LinkedHashMap<>();
    headers.forEach((name, value) -> lowerHeaders.put(name.toLowerCase(Locale.ROOT), value));

    match.pathValues().forEach((name, value) -> checkParameter(operation, operation.parameter("path", name).orElseThrow(),
        value, violations));
    Map<String, String> queryValues = query(query);
    for (Map.Entry<String, String> q : queryValues.entrySet()) {
      operation.parameter("query", q.getKey()).ifPresentOrElse(
          parameter -> checkParameter(operation, parameter, q.getValue(), violations),
          () -> violations.add(operation.id() + ": query parameter '" + q.getKey() + "' is not in " + api + " description"));
    }
    for (JsonNode parameter : operation.parameters()) {
      String in = parameter.path("in").asText();
      String name = parameter.path("name").asText();
      boolean required = parameter.path("required").asBoolean(false);
      if (required && in.equals("query") && !queryValues.containsKey(name)) {
        violations.add(operation.id() + ": required query parameter '" + name + "' is missing");
      }
      if (in.equals("header")) {
        String value = lowerHeaders.get(name.toLowerCase(Locale.ROOT));
        if (value != null) {
          checkParameter(operation, parameter, value, violations);
        } else if (required) {
          violations.add(operation.id() + ": required header '" + name + "' is missing");
        }
      }
    }
    violations.addAll(headerViolations(operation.id(), operation.node(), lowerHeaders));

    JsonNode requestBody = operation.node().path("requestBody");
    boolean hasBody = body != null && !body.isBlank();
    if (requestBody.isMissingNode()) {
      if (hasBody) {
        violations.add(operation.id() + ": " + api + " description has no request body for it, but one is sent");
      }
    } else if (!hasBody) {
      if (requestBody.path("required").asBoolean(false)) {
        violations.add(operation.id() + ": the request body is required but none is sent");
      }
    } else {
      String contentType = lowerHeaders.getOrDefault("content-type", "");
      JsonNode schema = requestBody.path("content").path("application/json").path("schema");
      if (!mediaType(contentType).equals("application/json")) {
        violations.add(operation.id() + ": the request body is sent as '" + contentType
            + "', " + api + " description takes application/json");
      }
      if (!schema.isMissingNode()) {
        violations.addAll(validate(operation, "request body", schema, body));
      }
    }
    return violations;
  }

  /**
   * What is wrong with an answer to a request, empty when nothing is: its status must be one
   * the description gives for the operation, and its JSON body must fit that status's
   * schema (a status with no content in the description has no body).
   */
  public List<String> responseViolations(String method, String path, int status, String body) {
    int question = path.indexOf('?');
    String bare = question >= 0 ? path.substring(0, question) : path;
    Optional<Match> found = find(method, bare);
    if (found.isEmpty()) {
      return List.of(method + " " + bare + ": no such operation in " + api + " description");
    }
    Operation operation = found.get().operation();
    JsonNode responses = operation.node().path("responses");
    JsonNode response = responses.path(Integer.toString(status));
    if (response.isMissingNode()) {
      response = responses.path("default");
    }
    if (response.isMissingNode()) {
      List<String> statuses = new ArrayList<>();
      responses.fieldNames().forEachRemaining(statuses::add);
      return List.of(operation.id() + ": status " + status + " is not in " + api + " description, which has " + statuses);
    }
    response = resolve(response);
    JsonNode content = response.path("content");
    boolean hasBody = body != null && !body.isBlank();
    if (content.isMissingNode() || content.isEmpty()) {
      return hasBody
          ? List.of(operation.id() + ": status " + status + " has no body in " + api + " description, but one is given")
          : List.of();
    }
    JsonNode schema = content.path("application/json").path("schema");
    if (schema.isMissingNode()) {
      return List.of();
    }
    if (!hasBody) {
      return List.of(operation.id() + ": status " + status + " has a JSON body in " + api + " description, but none is given");
    }
    return validate(operation, "status " + status + " body", schema, body);
  }

  /** The operation a request goes to, if the description has one for it. */
  public Optional<String> operationId(String method, String path) {
    int question = path.indexOf('?');
    return find(method, question >= 0 ? path.substring(0, question) : path).map(match -> match.operation().id());
  }

  /** The example the description gives for an operation's answer, as JSON text. */
  public String example(String operationId, int status) {
    Operation operation = operations.stream().filter(o -> o.id().equals(operationId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no operation " + operationId));
    JsonNode media = resolve(operation.node().path("responses").path(Integer.toString(status)))
        .path("content").path("application/json");
    Iterator<JsonNode> examples = media.path("examples").elements();
    if (!examples.hasNext()) {
      throw new IllegalArgumentException(operationId + " has no example for status " + status);
    }
    JsonNode value = resolve(examples.next()).path("value");
    // GitHub's description sometimes puts a reference to a whole example object where the value goes
    return (value.has("$ref") ? resolve(value).path("value") : value).toString();
  }

  private List<String> validate(Operation operation, String what, JsonNode schema, String json) {
    JsonNode document;
    try {
      document = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return List.of(operation.id() + ": " + what + " is not JSON: " + e.getOriginalMessage());
    }
    List<Error> errors = compiled(schema).validate(document);
    return errors.stream().map(error -> operation.id() + ": " + what + ": " + error).toList();
  }

  /**
   * An operation's schema compiled with the description's components beside it, so that its
   * {@code #/components/...} references resolve as in the description; compiled once.
   */
  private Schema compiled(JsonNode schema) {
    synchronized (compiled) {
      return compiled.computeIfAbsent(schema, node -> {
        ObjectNode root = node.deepCopy();
        root.set("components", description.get("components"));
        return schemas.getSchema(root);
      });
    }
  }

  private void checkParameter(Operation operation, JsonNode parameter, String value, List<String> violations) {
    JsonNode schema = parameter.path("schema");
    JsonNode typed = typed(schema, value);
    for (String error : validate(operation, parameter.path("in").asText() + " parameter '"
        + parameter.path("name").asText() + "'", schema, typed.toString())) {
      violations.add(error);
    }
  }

  /** A parameter's text as the type its schema names, so that "7" is an integer and "seven" is not. */
  private static JsonNode typed(JsonNode schema, String value) {
    String type = resolveType(schema);
    try {
      return switch (type) {
        case "integer" -> JsonNodeFactory.instance.numberNode(Long.parseLong(value));
        case "number" -> JsonNodeFactory.instance.numberNode(Double.parseDouble(value));
        case "boolean" -> value.equals("true") || value.equals("false")
            ? JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value))
            : JsonNodeFactory.instance.textNode(value);
        default -> JsonNodeFactory.instance.textNode(value);
      };
    } catch (NumberFormatException e) {
      return JsonNodeFactory.instance.textNode(value);
    }
  }

  private static String resolveType(JsonNode schema) {
    return schema.path("type").asText("string");
  }

  /**
   * What is wrong with a request's headers beyond the description's header parameters: an
   * API's own rules (GitHub's {@code Accept} and API version). None by default.
   *
   * @param headers the request's headers, names in lower case
   */
  protected List<String> headerViolations(String operationId, JsonNode operation, Map<String, String> headers) {
    return List.of();
  }

  /** The media types the description gives for an operation's answers. */
  protected List<String> responseMediaTypes(JsonNode operation) {
    List<String> types = new ArrayList<>();
    operation.path("responses").elements().forEachRemaining(response ->
        resolve(response).path("content").fieldNames().forEachRemaining(types::add));
    return types;
  }

  /** A header's media type without its parameters, in lower case. */
  protected static String mediaType(String header) {
    int semicolon = header.indexOf(';');
    return (semicolon >= 0 ? header.substring(0, semicolon) : header).trim().toLowerCase(Locale.ROOT);
  }

  private Optional<Match> find(String method, String sent) {
    if (!sent.startsWith(basePath + "/")) {
      return Optional.empty();
    }
    String path = sent.substring(basePath.length());
    String upper = method.toUpperCase(Locale.ROOT);
    Match best = null;
    for (Operation operation : operations) {
      if (!operation.method().equals(upper)) {
        continue;
      }
      Matcher matcher = operation.pattern().matcher(path);
      // a template with more literal text is the more specific one (releases/tags/{tag} before a {release_id})
      if (matcher.matches() && (best == null || operation.literalLength() > best.operation().literalLength())) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : operation.pathParameterNames()) {
          values.put(name, URLDecoder.decode(matcher.group(groupName(name)).replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        best = new Match(operation, values);
      }
    }
    return Optional.ofNullable(best);
  }

  private static Map<String, String> query(String query) {
    Map<String, String> values = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return values;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals >= 0 ? pair.substring(0, equals) : pair, StandardCharsets.UTF_8);
      String value = equals >= 0 ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8) : "";
      values.put(name, value);
    }
    return values;
  }

  private JsonNode resolve(JsonNode node) {
    while (node.has("$ref")) {
      node = description.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }

  private List<JsonNode> parameters(JsonNode pathLevel, JsonNode operationLevel) {
    Map<String, JsonNode> byPlace = new LinkedHashMap<>();
    for (JsonNode list : List.of(pathLevel, operationLevel)) {
      list.elements().forEachRemaining(p -> {
        JsonNode parameter = resolve(p);
        byPlace.put(parameter.path("in").asText() + ":" + parameter.path("name").asText(), parameter);
      });
    }
    return List.copyOf(byPlace.values());
  }

  private static String groupName(String parameter) {
    return "p" + parameter.replaceAll("[^A-Za-z0-9]", "");
  }

  private record Match(Operation operation, Map<String, String> pathValues) {}

  private record Operation(String method, String template, JsonNode node, List<JsonNode> parameters,
      Pattern pattern, List<String> pathParameterNames, int literalLength) {

    Operation(String method, String template, JsonNode node, List<JsonNode> parameters) {
      this(method, template, node, parameters, pattern(template, parameters), names(template),
          template.replaceAll("\\{[^}]+}", "").length());
    }

    String id() {
      return node.path("operationId").asText();
    }

    Optional<JsonNode> parameter(String in, String name) {
      return parameters.stream()
          .filter(p -> p.path("in").asText().equals(in) && p.path("name").asText().equals(name))
          .findFirst();
    }

    private static List<String> names(String template) {
      List<String> names = new ArrayList<>();
      Matcher matcher = Pattern.compile("\\{([^}]+)}").matcher(template);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
      return names;
    }

    /** A path template as a pattern: a parameter is one segment, or several where GitHub marks it x-multi-segment (a ref, a branch). */
    private static Pattern pattern(String template, List<JsonNode> parameters) {
      StringBuilder regex = new StringBuilder();
      Matcher matcher = Pattern.compile("\\{([^}]+)}").matcher(template);
      int last = 0;
      while (matcher.find()) {
        regex.append(Pattern.quote(template.substring(last, matcher.start())));
        String name = matcher.group(1);
        boolean multi = parameters.stream().anyMatch(p -> p.path("in").asText().equals("path")
            && p.path("name").asText().equals(name) && p.path("x-multi-segment").asBoolean(false));
        regex.append("(?<").append(groupName(name)).append('>').append(multi ? ".+" : "[^/]+").append(')');
        last = matcher.end();
      }
      regex.append(Pattern.quote(template.substring(last)));
      return Pattern.compile(regex.toString());
    }
  }
}
