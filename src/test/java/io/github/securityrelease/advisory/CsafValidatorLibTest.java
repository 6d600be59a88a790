package io.github.securityrelease.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * R18: the CSAF documents pass an independent validator, the BSI's
 * {@code @secvisogram/csaf-validator-lib}: its strict CSAF 2.0 schema test and every mandatory
 * test (CSAF 2.0, section 6.1), and the optional test 6.2.11 (canonical URL) for the documents
 * the CSAF distribution publishes, run through Node. The library is installed with npm into
 * {@code target/csaf-validator} once (the version in src/test/resources/csaf-validator/package.json);
 * a later run in the same build finds it there. .ci/run starts that install before Maven, in the
 * background, and leaves its process ID in {@code npm-install.pid}: the test waits for it to end
 * before it looks, and installs by itself when it finds nothing. Where Node or npm is missing, or the install
 * fails, the test is skipped saying why; with {@code CSAF_VALIDATOR_REQUIRED} set in the
 * environment (CI, .ci/run) a failed install fails the test instead.
 */
class CsafValidatorLibTest {

  private static final Path DIRECTORY = Path.of("target", "csaf-validator");
  private static final String LIBRARY = "@secvisogram/csaf-validator-lib";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The longest an npm install may take. */
  private static final int INSTALL_SECONDS = 300;

  private final CsafAdvisory csaf = CsafAdvisoryTest.csaf(CsafAdvisoryTest.UNSET);

  /** Why the validator cannot run here, or null once it is installed; found out once per JVM. */
  private static String unavailable;
  private static boolean checked;

  /** Skips the test, saying why, where the validator cannot run. */
  private static void validatorInstalled() throws Exception {
    synchronized (CsafValidatorLibTest.class) {
      if (!checked) {
        unavailable = install();
        checked = true;
      }
    }
    assumeTrue(unavailable == null, () -> unavailable + ": the independent CSAF validator is not run");
  }

  private static String install() throws Exception {
    if (!runs("node", "--version")) {
      return "Node is not installed";
    }
    if (!runs("npm", "--version")) {
      return "npm is not installed";
    }
    Files.createDirectories(DIRECTORY);
    copy("package.json");
    copy("validate.mjs");
    String wanted = JSON.readTree(DIRECTORY.resolve("package.json").toFile()).at("/dependencies").get(LIBRARY).asText();
    awaitEarlierInstall();
    Path installed = DIRECTORY.resolve("node_modules").resolve(LIBRARY).resolve("package.json");
    if (Files.exists(installed) && wanted.equals(JSON.readTree(installed.toFile()).get("version").asText())) {
      return null;
    }
    Result npm = run(List.of("npm", "install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"),
        INSTALL_SECONDS);
    if (npm.exit() == 0) {
      return null;
    }
    String why = "npm could not install " + LIBRARY + " " + wanted + " (exit " + npm.exit() + "): " + npm.errors()
        + npm.output();
    if (System.getenv("CSAF_VALIDATOR_REQUIRED") != null) {
      fail(why);
    }
    return why;
  }

  /**
   * Waits for the npm that .ci/run started in the background into {@link #DIRECTORY}, if it still
   * runs: two installs into one folder would spoil each other's files.
   */
  private static void awaitEarlierInstall() throws Exception {
    Path pidFile = DIRECTORY.resolve("npm-install.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    Optional<ProcessHandle> npm = ProcessHandle.of(pid)
        .filter(process -> process.info().commandLine().map(line -> line.contains("npm")).orElse(true));
    if (npm.isPresent()) {
      npm.get().onExit().get(INSTALL_SECONDS, TimeUnit.SECONDS);
    }
    Files.delete(pidFile); // a later build's process may get that ID
  }

  @Test
  @DisplayName("R18 every kind of case's CSAF document, published and as a draft, passes the BSI validator's schema and mandatory tests")
  void mandatoryTests() throws Exception {
    validatorInstalled();
    Map<String, ObjectNode> documents = new LinkedHashMap<>();
    forEachCase((number, variables) -> {
      documents.put("case-" + number + ".json", csaf.write(AdvisoryCases.advisory(variables)));
      documents.put("case-" + number + ".draft.json", csaf.write(CsafAdvisoryTest.embargoed(variables)));
    });

    JsonNode results = validate(documents);

    documents.forEach((file, document) -> {
      JsonNode result = results.get(file);
      assertThat(result.get("tests")).extracting(JsonNode::asText)
          .contains("csaf_2_0_strict", "mandatoryTest_6_1_1", "mandatoryTest_6_1_9", "mandatoryTest_6_1_27_6");
      assertThat(result.get("failed")).as(file + " fails " + result.get("failed") + "\n" + document.toPrettyString())
          .isEmpty();
      assertThat(result.get("isValid").asBoolean()).isTrue();
    });
  }

  @Test
  @DisplayName("R18 every kind of case's document as the CSAF distribution publishes it, with its canonical URL, passes the BSI validator and its test 6.2.11")
  void publishedDocuments() throws Exception {
    validatorInstalled();
    Map<String, ObjectNode> documents = new LinkedHashMap<>();
    forEachCase((number, variables) -> {
      CsafDistribution.Document published = new CsafDistributionAdvisories(AdvisoryCases.advisory(variables))
          .distribution().documents().get(0);
      documents.put("published-" + number + ".json", (ObjectNode) JSON.readTree(published.bytes()));
    });
    documents.put("download.json", csaf.write(AdvisoryCases.advisory(AdvisoryCases.full())));

    JsonNode results = validate(documents);

    documents.forEach((file, document) -> {
      JsonNode result = results.get(file);
      assertThat(result.get("failed")).as(file + " fails " + result.get("failed")).isEmpty();
      assertThat(result.get("isValid").asBoolean()).isTrue();
      assertThat(result.get("tests")).extracting(JsonNode::asText).contains("optionalTest_6_2_11");
    });
    documents.keySet().stream().filter(file -> file.startsWith("published-")).forEach(file ->
        assertThat(results.get(file).get("warned")).as(file).extracting(JsonNode::asText)
            .doesNotContain("optionalTest_6_2_11"));
    // the security team's download names no canonical URL: the test does run, and warns
    assertThat(results.get("download.json").get("warned")).extracting(JsonNode::asText).contains("optionalTest_6_2_11");
  }

  @Test
  @DisplayName("the BSI validator fails a document whose CVSS score does not fit its vector (mandatory test 6.1.9)")
  void catchesAWrongScore() throws Exception {
    validatorInstalled();
    ObjectNode document = csaf.write(AdvisoryCases.advisory(AdvisoryCases.full()));
    ((ObjectNode) document.at("/vulnerabilities/0/scores/0/cvss_v3")).put("baseScore", 9.8).put("baseSeverity", "CRITICAL");

    JsonNode result = validate(Map.of("wrong-score.json", document)).get("wrong-score.json");

    assertThat(result.get("isValid").asBoolean()).isFalse();
    assertThat(result.get("failed")).extracting(test -> test.get("name").asText()).containsExactly("mandatoryTest_6_1_9");
  }

  /** What is done with each kind of case of {@link CsafAdvisoryTest#cases()}: its number (from 1) and its variables. */
  private interface PerCase {
    void accept(int number, Map<String, Object> variables) throws IOException;
  }

  private static void forEachCase(PerCase action) throws IOException {
    int number = 0;
    for (Arguments arguments : CsafAdvisoryTest.cases().toList()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> variables = (Map<String, Object>) arguments.get()[1];
      action.accept(++number, variables);
    }
  }

  /** The validator's results per file name. */
  private static JsonNode validate(Map<String, ObjectNode> documents) throws Exception {
    Path folder = Files.createDirectories(DIRECTORY.resolve("documents"));
    List<String> command = new ArrayList<>(List.of("node", "validate.mjs"));
    for (Map.Entry<String, ObjectNode> document : documents.entrySet()) {
      Files.writeString(folder.resolve(document.getKey()), document.getValue().toPrettyString());
      command.add("documents/" + document.getKey());
    }
    Result node = run(command, 120);
    assertThat(node.exit()).as(node.errors()).isZero();
    ObjectNode byName = JSON.createObjectNode();
    JSON.readTree(node.output()).properties()
        .forEach(result -> byName.set(result.getKey().substring("documents/".length()), result.getValue()));
    return byName;
  }

  private static void copy(String resource) throws IOException {
    try (InputStream in = CsafValidatorLibTest.class.getResourceAsStream("/csaf-validator/" + resource)) {
      Files.copy(in, DIRECTORY.resolve(resource), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static boolean runs(String... command) {
    try {
      return run(List.of(command), 30).exit() == 0;
    } catch (IOException notThere) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** What a command printed: its standard output, and its error output apart (Node's warnings are no JSON). */
  private record Result(int exit, String output, String errors) {}

  /** Runs in {@link #DIRECTORY}, killed after {@code seconds}. */
  private static Result run(List<String> command, int seconds) throws IOException, InterruptedException {
    Path output = Files.createTempFile("csaf-validator", ".out");
    Path errors = Files.createTempFile("csaf-validator", ".err");
    try {
      Process process = new ProcessBuilder(command).directory(Files.isDirectory(DIRECTORY) ? DIRECTORY.toFile() : null)
          .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return new Result(-1, "", String.join(" ", command) + " timed out after " + seconds + " s");
      }
      return new Result(process.exitValue(), Files.readString(output), Files.readString(errors));
    } finally {
      Files.deleteIfExists(output);
      Files.deleteIfExists(errors);
    }
  }
}
