package io.github.securityrelease.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where a reporter's text is shown it is text: the report page (and the token page, for the
 * names typed into it) writes only textContent, and
 * the Camunda Forms show report values only as read-only input fields, never in a text or
 * html component or an expression.
 */
class InertReportTextTest {

  /** The variables whose values come from the reporter (POST /api/v1/reports). */
  static final List<String> REPORT_VARIABLES = List.of("title", "whatHappened", "expected", "howToReproduce",
      "anythingElse", "productVersion", "kubectlVersion", "fluxcdVersion", "otherEnvironment", "reporterName",
      "reporterEmail", "publicReference");

  /** The service's own pages: the report form, and the token page (token and user names are typed text too). */
  static Stream<String> pages() {
    return Stream.of("report", "tokens");
  }

  @ParameterizedTest(name = "the {0} page's script never writes markup: no innerHTML, insertAdjacentHTML, document.write or eval")
  @MethodSource("pages")
  void pageScriptWritesTextOnly(String page) throws IOException {
    String script = Files.readString(Path.of("src/main/resources/static/" + page + ".js"));
    assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
        "eval(", "new Function", "createContextualFragment", "DOMParser");
    assertThat(script).contains("textContent");
  }

  @ParameterizedTest(name = "the {0} page has no inline script, handler or style, so its strict Content-Security-Policy holds")
  @MethodSource("pages")
  void pageHasNoInlineCode(String page) throws IOException {
    String html = Files.readString(Path.of("src/main/resources/static/" + page + ".html"));
    assertThat(html).containsPattern("<script src=\"/" + page + "\\.js\"")
        .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
        .doesNotContainPattern("(?i)\\son[a-z]+\\s*=")
        .doesNotContainPattern("(?i)\\sstyle\\s*=|<style")
        .doesNotContainPattern("(?i)javascript:");
  }

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("processes/forms")).filter(path -> path.toString().endsWith(".form")).sorted();
  }

  @ParameterizedTest(name = "{0}: report values only in read-only fields, never interpolated")
  @MethodSource("forms")
  void formsShowReportValuesAsText(Path form) throws IOException {
    List<JsonNode> components = new ArrayList<>();
    collect(new ObjectMapper().readTree(form.toFile()), components);
    // the start form is where a member types in a report that came by e-mail: its fields are
    // inputs, and it shows nothing a reporter wrote
    boolean entersTheReport = form.getFileName().toString().equals("record-mailed-report.form");
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String key = component.path("key").asText();
      if (entersTheReport) {
        assertThat(type).as("no raw html component").isNotEqualTo("html");
        continue;
      }
      if (REPORT_VARIABLES.contains(key)) {
        assertThat(type).as(key).isIn("textfield", "textarea");
        assertThat(component.path("disabled").asBoolean()).as(key + " is read-only").isTrue();
      }
      assertThat(type).as("no raw html component").isNotEqualTo("html");
      for (Map.Entry<String, JsonNode> property : component.properties()) {
        String value = property.getValue().isTextual() ? property.getValue().asText() : "";
        if (value.contains("{{") || value.startsWith("=")) {
          assertThat(REPORT_VARIABLES).as(component.path("id").asText() + "." + property.getKey() + ": " + value)
              .noneMatch(value::contains);
        }
      }
    }
  }

  private static void collect(JsonNode node, List<JsonNode> components) {
    for (JsonNode component : node.path("components")) {
      components.add(component);
      collect(component, components);
    }
  }
}
