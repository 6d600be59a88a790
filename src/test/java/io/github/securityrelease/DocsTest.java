package io.github.securityrelease;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The docs a newcomer reads stay true to the repository: every relative link resolves, the
 * README keeps its size and its order, every configuration key is documented, and the policy
 * map names tests that do prove its rules.
 */
class DocsTest {

  /** Surefire runs in the project's directory. */
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path README = ROOT.resolve("README.md");
  private static final Path DOCS = ROOT.resolve("docs");

  /** "At most 10 KB" read the strict way, so that it holds whichever way one reads it. */
  private static final long README_MAX_BYTES = 10_000;
  /** operaton-examples' order: what it is (with the picture, above these), run, log in, walk through, how it works, test. */
  private static final List<String> README_SECTIONS =
      List.of("Run it", "Log in", "Walk one case through", "Where to find what", "Test it");
  private static final String BACK_LINK = "[Back to the README](../README.md)";

  private static final int RULES = 29;
  /** Rules with no feature yet: R28 waits for issue 18, R29 for issue 21. Their rows name no test. */
  private static final Set<Integer> NO_FEATURE_YET = Set.of();
  private static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");

  /** Read once: loading every class of the service takes seconds. */
  private static final Set<String> KEYS = ConfigurationKeys.read(ROOT.resolve("target/classes"));
  private static final Map<Path, Set<String>> ANCHORS = new HashMap<>();

  @Test
  @DisplayName("every relative link in the README and docs/ leads to a file or directory, and its #anchor to a heading there")
  void relativeLinksResolve() {
    List<String> broken = new ArrayList<>();
    for (Path file : markdownFiles()) {
      Markdown markdown = Markdown.read(file);
      for (Markdown.Link link : markdown.links()) {
        String problem = problem(file, link.target());
        if (problem != null) {
          broken.add(ROOT.relativize(file) + ":" + link.line() + " (" + link.target() + "): " + problem);
        }
      }
    }
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  @DisplayName("the comments of application.yaml point to sections of docs/ that exist")
  void applicationYamlPointsToDocs() {
    Pattern docLink = Pattern.compile("docs/[\\w-]+\\.md(?:#[\\w-]+)?");
    Path yaml = ROOT.resolve("src/main/resources/application.yaml");
    List<String> broken = new ArrayList<>();
    Matcher matcher = docLink.matcher(read(yaml));
    while (matcher.find()) {
      String problem = problem(README, matcher.group());
      if (problem != null) {
        broken.add(matcher.group() + ": " + problem);
      }
    }
    assertThat(broken).as("broken pointers in application.yaml").isEmpty();
  }

  @Test
  @DisplayName("the README is at most 10 KB, has its sections in the fixed order, the picture and the policy map first")
  void readmeKeepsItsOrder() throws IOException {
    assertThat(Files.size(README)).as("README.md in bytes").isLessThanOrEqualTo(README_MAX_BYTES);
    Markdown readme = Markdown.read(README);
    assertThat(readme.headings(2)).as("the README's sections").isEqualTo(README_SECTIONS);
    String top = readme.text().substring(0, readme.text().indexOf("\n## "));
    assertThat(top).as("what the service is, above the first section")
        .contains("](docs/vulnerability-handling.png)").contains("](docs/policy-map.md)");
  }

  @Test
  @DisplayName("every doc in docs/ starts with a link back to the README")
  void docsLinkBack() {
    for (Path doc : markdownFiles().subList(1, markdownFiles().size())) {
      List<String> lines = read(doc).lines().filter(line -> !line.isBlank()).toList();
      assertThat(lines.get(1)).as("the line under the title of " + ROOT.relativize(doc)).isEqualTo(BACK_LINK);
    }
  }

  @Test
  @DisplayName("every security-release.* key the code reads is documented in docs/configuration.md, and no other")
  void configurationKeysDocumented() {
    assertThat(KEYS).as("keys the code reads").isNotEmpty();
    Set<String> documented = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\|\\s*`(security-release\\.[a-z0-9.-]+)`\\s*\\|")
        .matcher(read(DOCS.resolve("configuration.md")));
    while (row.find()) {
      documented.add(row.group(1));
    }
    assertThat(difference(KEYS, documented)).as("keys the code reads that have no row in docs/configuration.md").isEmpty();
    assertThat(difference(documented, KEYS)).as("rows of docs/configuration.md for keys no code reads").isEmpty();
  }

  @Test
  @DisplayName("a security-release.* key named in the README, docs/ or application.yaml is one the code reads")
  void noStaleKeys() {
    Set<String> known = new TreeSet<>(KEYS);
    KEYS.forEach(key -> IntStream.range(0, key.length()).filter(i -> key.charAt(i) == '.')
        .forEach(i -> known.add(key.substring(0, i))));
    Set<String> named = new TreeSet<>(ConfigurationKeys.inApplicationYaml());
    Pattern mention = Pattern.compile("`(security-release(?:\\.[a-z0-9-]+)+)`");
    for (Path file : markdownFiles()) {
      Matcher matcher = mention.matcher(read(file));
      while (matcher.find()) {
        named.add(matcher.group(1));
      }
    }
    named.removeAll(known);
    assertThat(named).as("keys no code reads").isEmpty();
  }

  @Test
  @DisplayName("the policy map has one row per rule of the policy, and each test it names exists and names that rule")
  void policyMapNamesTheProofs() {
    Map<Integer, List<String>> rows = policyMapRows();
    List<String> wrong = new ArrayList<>();
    IntStream.rangeClosed(1, RULES).filter(rule -> !rows.containsKey(rule)).forEach(rule -> wrong.add("no row for R" + rule));
    rows.keySet().stream().filter(rule -> rule > RULES).forEach(rule -> wrong.add("a row for R" + rule + ", no rule of the policy"));
    rows.forEach((rule, tests) -> {
      if (tests.isEmpty() && !NO_FEATURE_YET.contains(rule)) {
        wrong.add("R" + rule + " names no test");
      }
      for (String test : tests) {
        Path source = DOCS.resolve(test).normalize();
        if (!Files.isRegularFile(source) || !namesRule(source, rule)) {
          wrong.add("R" + rule + ": " + test + " has no @DisplayName naming R" + rule);
        }
      }
    });
    for (int rule : NO_FEATURE_YET) {
      testSources().filter(source -> namesRule(source, rule)).forEach(source -> wrong.add(
          "R" + rule + " has a test now (" + ROOT.relativize(source) + "): name it in the map, drop it from NO_FEATURE_YET"));
    }
    assertThat(wrong).isEmpty();
  }

  /** Rule number to the test files its row links, in the column headed "test(s)". */
  private static Map<Integer, List<String>> policyMapRows() {
    List<List<String>> table = Markdown.read(DOCS.resolve("policy-map.md")).table();
    List<String> header = table.get(0);
    int testColumn = IntStream.range(0, header.size()).filter(i -> header.get(i).startsWith("test"))
        .findFirst().orElseThrow(() -> new AssertionError("the policy map has no column of tests: " + header));
    Pattern rule = Pattern.compile("^R(\\d+)\\b");
    Map<Integer, List<String>> rows = new LinkedHashMap<>();
    for (List<String> cells : table.subList(1, table.size())) {
      Matcher id = rule.matcher(cells.get(0));
      if (id.find()) {
        List<String> tests = Markdown.linkTargets(cells.get(testColumn)).stream().filter(t -> t.endsWith(".java")).toList();
        assertThat(rows.put(Integer.valueOf(id.group(1)), tests)).as("a second row for R" + id.group(1)).isNull();
      }
    }
    return rows;
  }

  private static Set<String> difference(Set<String> from, Set<String> less) {
    Set<String> difference = new TreeSet<>(from);
    difference.removeAll(less);
    return difference;
  }

  private static boolean namesRule(Path testSource, int rule) {
    Pattern ruleId = Pattern.compile("\\bR" + rule + "\\b");
    Matcher name = DISPLAY_NAME.matcher(read(testSource));
    while (name.find()) {
      if (ruleId.matcher(name.group(1)).find()) {
        return true;
      }
    }
    return false;
  }

  /** Why {@code target}, linked from {@code from}, does not resolve; null when it does. */
  private static String problem(Path from, String target) {
    if (target.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return null; // http(s), mailto: not fetched
    }
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    Path resolved = path.isEmpty() ? from : from.getParent().resolve(path).normalize();
    if (!resolved.startsWith(ROOT)) {
      return "outside the repository";
    }
    if (!Files.exists(resolved)) {
      return "no such file or directory";
    }
    if (hash < 0) {
      return null;
    }
    String anchor = target.substring(hash + 1);
    if (!resolved.toString().endsWith(".md")) {
      return "an anchor into a file that is no Markdown";
    }
    return ANCHORS.computeIfAbsent(resolved, file -> Markdown.read(file).anchors()).contains(anchor) ? null : "no heading with the anchor #" + anchor;
  }

  /** README.md first, then docs/*.md. */
  private static List<Path> markdownFiles() {
    try (Stream<Path> docs = Files.list(DOCS)) {
      return Stream.concat(Stream.of(README), docs.filter(p -> p.toString().endsWith(".md")).sorted()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> testSources() {
    try (Stream<Path> files = Files.walk(ROOT.resolve("src/test/java"))) {
      return files.filter(p -> p.toString().endsWith(".java")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
