package io.github.securityrelease.intake;

import static io.github.securityrelease.TestCases.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.securityrelease.OrchestratorIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Malformed reports from a seeded generator, sent as raw bytes: every one must get a 4xx,
 * start nothing and use up no case ID. {@code -Dfuzz.seed=...} replays a run; the seed is
 * printed. The ITs' rate limit is high, so that each request reaches the intake.
 */
@OrchestratorIntegrationTest
class IntakeFuzzIT {

  private static final long DEFAULT_SEED = 0x5EC2026L;
  private static final String[] REQUIRED = {"title", "whatHappened", "howToReproduce", "reporter"};
  private static final String[] TEXT_FIELDS = {"title", "whatHappened", "expected", "howToReproduce", "anythingElse",
      "publicReference", "environment.productVersion", "environment.kubectlVersion", "environment.fluxcdVersion",
      "environment.others", "reporter.name", "reporter.email"};
  private static final byte[][] BAD_UTF8 = {{(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xC3, 0x28}, {(byte) 0xA0, (byte) 0xA1},
      {(byte) 0xE2, 0x28, (byte) 0xA1}, {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC}, {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};

  record Fuzz(String category, String description, String method, String contentType, byte[] body, boolean chunked,
      boolean authenticated) {}

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private Random random;

  @Test
  @DisplayName("the intake survives 600+ malformed requests: only 4xx, no process started, no case ID used")
  void fuzz() throws Exception {
    long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    System.out.println("IntakeFuzzIT seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
    random = new Random(seed);
    List<Fuzz> requests = generate();

    long before = caseNumber(send(valid("Before the fuzz")));
    long instances = instances();
    Map<String, Integer> counts = new TreeMap<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (Fuzz fuzz : requests) {
      counts.merge(fuzz.category(), 1, Integer::sum);
      Answer answer = send(fuzz);
      statuses.merge(answer.status(), 1, Integer::sum);
      if (answer.status() < 400 || answer.status() > 499) {
        failures.add(answer.status() + " for " + fuzz.category() + ": " + fuzz.description() + " -> " + answer.body());
      }
    }
    System.out.println("IntakeFuzzIT requests by category: " + counts + ", statuses: " + statuses);

    assertThat(requests).hasSizeGreaterThanOrEqualTo(500);
    assertThat(failures).as("seed " + seed + ": requests not answered with a 4xx").isEmpty();
    assertThat(instances()).as("no process started").isEqualTo(instances);
    assertThat(caseNumber(send(valid("After the fuzz")))).as("no case ID used up").isEqualTo(before + 1);
  }

  private List<Fuzz> generate() {
    List<Fuzz> all = new ArrayList<>();
    repeat(all, 80, this::wrongType);
    repeat(all, 60, this::missingField);
    repeat(all, 50, this::extraField);
    repeat(all, 50, this::invalidValue);
    repeat(all, 60, this::brokenSyntax);
    repeat(all, 30, this::topLevelNotAReport);
    repeat(all, 30, this::deepNesting);
    repeat(all, 20, this::huge);
    repeat(all, 60, this::badUtf8);
    repeat(all, 30, this::badEscapeOrControl);
    repeat(all, 40, this::wrongContentType);
    repeat(all, 60, this::wrongMethod);
    repeat(all, 20, this::manyOrLongNames);
    all.addAll(regressions());
    return all;
  }

  /** Inputs an earlier run found accepted (201): every one must stay refused. */
  private List<Fuzz> regressions() {
    String report = write(report("Regression", "ada@example.net"));
    List<Fuzz> fixed = new ArrayList<>();
    fixed.add(json("regression", "a number as title", report.replace("\"title\":\"Regression\"", "\"title\":3.14")));
    fixed.add(json("regression", "a boolean as reporter name", report.replace("\"Ada Reporter\"", "false")));
    fixed.add(json("regression", "an integer as text", report.replace("\"No credentials in logs.\"", "42")));
    fixed.add(json("regression", "a report and then more", report + "{\"title\":\"t\"}"));
    fixed.add(json("regression", "a report and then garbage", report + "garbage"));
    for (byte[] bad : new byte[][] {{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xC0, (byte) 0xAF}}) {
      byte[] body = replace(report.getBytes(StandardCharsets.UTF_8), "Regression".getBytes(StandardCharsets.UTF_8), bad);
      fixed.add(new Fuzz("regression", "title with " + hex(bad), "POST", "application/json", body, false, false));
    }
    return fixed;
  }

  private static void repeat(List<Fuzz> all, int times, Supplier<Fuzz> generator) {
    for (int i = 0; i < times; i++) {
      all.add(generator.get());
    }
  }

  // --- the categories ---

  private Fuzz wrongType() {
    Map<String, Object> report = validReport();
    String field = pick("title", "whatHappened", "expected", "howToReproduce", "anythingElse", "publicReference",
        "environment.productVersion", "environment.others", "reporter.name", "reporter.email", "environment",
        "reporter", "publiclyDisclosed");
    Object value = switch (field) {
      case "environment", "reporter" -> pick("a string", 42, true, List.of(), List.of(Map.of()), 1.5);
      case "publiclyDisclosed" -> pick("perhaps", "true", "yes", 1, 0, 2.5, List.of(true), Map.of("value", true));
      default -> pick(42, -1, 3.14, true, false, List.of(), List.of("a"), Map.of(), Map.of("text", "x"),
          Long.MAX_VALUE);
    };
    put(report, field, value);
    String body = write(report);
    if (random.nextInt(6) == 0) {
      // numbers beyond what a parser should hold: Jackson limits their length
      body = body.replaceFirst("\"whatHappened\":\"[^\"]*\"", "\"whatHappened\":" + "9".repeat(1000 + random.nextInt(5000)));
      field += " and whatHappened a huge number";
    }
    return json("wrong type", field + " = " + value, body);
  }

  private Fuzz missingField() {
    Map<String, Object> report = validReport();
    List<String> removed = new ArrayList<>();
    for (String field : REQUIRED) {
      if (random.nextInt(3) == 0) {
        removed.add(field);
      }
    }
    if (removed.isEmpty()) {
      removed.add(random.nextBoolean() ? "reporter.email" : pick(REQUIRED));
    }
    for (String field : removed) {
      switch (random.nextInt(4)) {
        case 0 -> put(report, field, null);
        case 1 -> put(report, field, field.equals("reporter") ? null : pick("", "   ", "\t", "\n"));
        default -> remove(report, field);
      }
    }
    return json("missing field", "without " + removed, write(report));
  }

  private Fuzz extraField() {
    Map<String, Object> report = validReport();
    String where = pick("", "environment.", "reporter.");
    String name = pick("severity", "caseId", "status", "__proto__", "Title", "title ", "", "reporter.email", "x" + random.nextInt(1000));
    Object value = pick("CRITICAL", 1, true, List.of(), Map.of("a", 1), "SEC-2026-0001");
    put(report, where + name, value);
    return json("extra field", where + name + " = " + value, write(report));
  }

  private Fuzz invalidValue() {
    Map<String, Object> report = validReport();
    String description;
    switch (random.nextInt(7)) {
      case 0 -> {
        description = "title too long";
        report.put("title", "T".repeat(201 + random.nextInt(5000)));
      }
      case 1 -> {
        description = "title over lines";
        report.put("title", "one" + pick("\n", "\r", "\u0000", "\u001b[31m", "\u007f") + "two");
      }
      case 2 -> {
        description = "bad e-mail";
        put(report, "reporter.email", pick("not-an-address", "@example.net", "ada@", "a b@example.net", "ada@@example.net",
            "x".repeat(300) + "@example.net", "<script>@example.net"));
      }
      case 3 -> {
        description = "public without a reference";
        report.put("publiclyDisclosed", true);
        if (random.nextBoolean()) {
          report.put("publicReference", pick("", "ftp://example.net/x", "javascript:alert(1)", "not a url", "https://" + "a".repeat(2100)));
        }
      }
      case 4 -> {
        description = "text too long";
        report.put(pick("whatHappened", "howToReproduce", "expected", "anythingElse"), "w".repeat(20_001 + random.nextInt(20_000)));
      }
      case 5 -> {
        description = "environment too long";
        put(report, pick("environment.productVersion", "environment.kubectlVersion", "environment.fluxcdVersion"),
            "v".repeat(501 + random.nextInt(2000)));
      }
      default -> {
        description = "reporter name over lines";
        put(report, "reporter.name", "Ada\n" + "x".repeat(random.nextInt(300)));
      }
    }
    return json("invalid value", description, write(report));
  }

  private Fuzz brokenSyntax() {
    String report = write(validReport());
    return switch (random.nextInt(5)) {
      case 0, 1 -> {
        int cut = random.nextInt(report.length() - 1);
        yield json("broken syntax", "cut at " + cut, report.substring(0, cut));
      }
      case 2 -> {
        String garbage = pick("x", "]", "}", ",", "{\"title\":", "\u0000", "<", "//");
        yield json("broken syntax", "garbage before: " + garbage, garbage + report);
      }
      case 3 -> {
        String garbage = pick("x", "]", "}", ",", "{\"title\":\"t\"}", "[]", "null", "garbage", "\"");
        yield json("broken syntax", "garbage after: " + garbage, report + garbage);
      }
      default -> {
        byte[] noise = new byte[1 + random.nextInt(2000)];
        random.nextBytes(noise);
        yield new Fuzz("broken syntax", "random bytes", "POST", "application/json", noise, false, false);
      }
    };
  }

  private Fuzz topLevelNotAReport() {
    String body = pick("", " ", "\n", "null", "[]", "[{}]", "{}", "42", "-0", "1e999", "\"report\"", "true", "false",
        "[" + write(validReport()) + "]", "{\"report\":" + write(validReport()) + "}", "\"\\u0000\"");
    return json("not a report", "body " + abbreviate(body), body);
  }

  private Fuzz deepNesting() {
    int depth = 1_001 + random.nextInt(15_000);
    String body = switch (random.nextInt(4)) {
      case 0 -> "[".repeat(depth);
      case 1 -> "[".repeat(depth) + "]".repeat(depth);
      case 2 -> "{\"a\":".repeat(depth / 3) + "1" + "}".repeat(depth / 3);
      default -> "{\"title\":\"t\",\"whatHappened\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    };
    return json("deep nesting", "depth " + depth, body);
  }

  private Fuzz huge() {
    int size = 64 * 1024 + 1 + random.nextInt(900 * 1024);
    String body = "{\"title\":\"t\",\"whatHappened\":\"" + "a".repeat(size) + "\"}";
    boolean chunked = random.nextBoolean();
    return new Fuzz("huge", size + " bytes" + (chunked ? ", chunked" : ""), "POST", "application/json",
        body.getBytes(StandardCharsets.UTF_8), chunked, false);
  }

  private Fuzz badUtf8() {
    Map<String, Object> report = validReport();
    String field = pick(TEXT_FIELDS);
    String marker = "@@BAD@@";
    put(report, field, "before " + marker + " after");
    byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
    byte[] body = replace(write(report).getBytes(StandardCharsets.UTF_8), marker.getBytes(StandardCharsets.UTF_8), bad);
    return new Fuzz("bad UTF-8", field + " with " + hex(bad), "POST", "application/json", body, false, false);
  }

  private Fuzz badEscapeOrControl() {
    Map<String, Object> report = validReport();
    String field = pick("title", "whatHappened", "howToReproduce", "reporter.email");
    String marker = "@@ESC@@";
    put(report, field, "a" + marker + "b");
    String bad = pick("\\x41", "\\u12G4", "\\u", "\\uZZZZ", "\\", "\\q", "\u0000", "\u0001", "\t", "\n", "\u001f");
    String body = write(report).replace(marker, bad);
    return json("bad escape or control character", field + " with " + abbreviate(bad), body);
  }

  private Fuzz wrongContentType() {
    String type = pick(null, "", "text/plain", "application/xml", "text/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/octet-stream", "application/yaml", "text/html",
        "application/merge-patch+json", "application/javascript", "json", "garbage", "application/", "/json",
        "application/json; charset=no-such-charset", "application/json; charset=\"", "*/*; q=x", "application/json;;;=");
    String body = write(validReport());
    return new Fuzz("wrong content type", String.valueOf(type), "POST", type, body.getBytes(StandardCharsets.UTF_8),
        false, false);
  }

  private Fuzz wrongMethod() {
    String method = pick("GET", "PUT", "DELETE", "PATCH");
    boolean withBody = !method.equals("GET") && random.nextBoolean();
    boolean authenticated = random.nextBoolean();
    byte[] body = withBody ? write(validReport()).getBytes(StandardCharsets.UTF_8) : new byte[0];
    return new Fuzz("wrong method", method + (withBody ? " with a report" : "") + (authenticated ? " as demo-security" : ""),
        method, withBody ? "application/json" : null, body, false, authenticated);
  }

  private Fuzz manyOrLongNames() {
    Map<String, Object> report = validReport();
    if (random.nextBoolean()) {
      int fields = 500 + random.nextInt(3000);
      for (int i = 0; i < fields; i++) {
        report.put("f" + i, i);
      }
      return json("many or long names", fields + " unknown fields", write(report));
    }
    int length = 1000 + random.nextInt(60_000);
    report.put("n".repeat(length), 1);
    return json("many or long names", "a field name of " + length, write(report));
  }

  // --- building and sending ---

  private Map<String, Object> validReport() {
    Map<String, Object> report = deepCopy(report("Fuzzed report " + random.nextInt(), "ada@example.net"));
    if (random.nextBoolean()) {
      report.put("anythingElse", "found while fuzzing");
    }
    return report;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(key, value instanceof Map<?, ?> inner ? deepCopy((Map<String, Object>) inner) : value));
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> report, String path, Object value) {
    int dot = path.indexOf('.');
    if (dot < 0 || path.endsWith(".")) {
      report.put(path, value);
      return;
    }
    Object inner = report.computeIfAbsent(path.substring(0, dot), key -> new LinkedHashMap<String, Object>());
    if (inner instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).put(path.substring(dot + 1), value);
    }
  }

  private static void remove(Map<String, Object> report, String path) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      report.remove(path);
    } else if (report.get(path.substring(0, dot)) instanceof Map<?, ?> inner) {
      inner.remove(path.substring(dot + 1));
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Fuzz json(String category, String description, String body) {
    return new Fuzz(category, description, "POST", "application/json", body.getBytes(StandardCharsets.UTF_8), false, false);
  }

  private Fuzz valid(String title) {
    return json("valid", title, write(report(title, "ada@example.net")));
  }

  record Answer(int status, String body) {}

  private Answer send(Fuzz fuzz) throws IOException, InterruptedException {
    HttpRequest.BodyPublisher body = fuzz.chunked()
        ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(fuzz.body()))
        : fuzz.body().length == 0 ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(fuzz.body());
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports"))
        .timeout(Duration.ofSeconds(30)).method(fuzz.method(), body);
    if (fuzz.contentType() != null) {
      request.header("Content-Type", fuzz.contentType());
    }
    if (fuzz.authenticated()) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          "demo-security:demo-security".getBytes(StandardCharsets.UTF_8)));
    }
    try {
      var response = client.send(request.build(), BodyHandlers.ofString());
      return new Answer(response.statusCode(), abbreviate(response.body()));
    } catch (IOException e) {
      // the server may answer 413 and close before a huge body is sent: no status to check
      if (fuzz.category().equals("huge")) {
        return new Answer(413, "connection closed: " + e);
      }
      throw new IOException(fuzz.category() + ": " + fuzz.description(), e);
    }
  }

  private long caseNumber(Answer answer) throws JsonProcessingException {
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    String caseId = json.readTree(answer.body()).get("caseId").asText();
    return Long.parseLong(caseId.substring(caseId.lastIndexOf('-') + 1));
  }

  private long instances() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("vulnerability-handling").count();
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static byte[] replace(byte[] body, byte[] marker, byte[] with) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < body.length; i++) {
      if (i <= body.length - marker.length && java.util.Arrays.equals(body, i, i + marker.length, marker, 0, marker.length)) {
        out.writeBytes(with);
        i += marker.length - 1;
      } else {
        out.write(body[i]);
      }
    }
    return out.toByteArray();
  }

  private static String hex(byte[] bytes) {
    StringBuilder hex = new StringBuilder();
    for (byte b : bytes) {
      hex.append(String.format("%02X ", b));
    }
    return hex.toString().trim();
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
  }
}
