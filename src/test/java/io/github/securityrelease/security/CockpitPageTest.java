package io.github.securityrelease.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The service's Cockpit page (src/main/resources/META-INF/resources/webjars/camunda/app/cockpit/index.html)
 * replaces Camunda's only to remove the buttons the engine refuses to every group: held to the
 * page of the Camunda on the classpath, so that an upgrade cannot leave a stale copy, nor an
 * exclusion that no longer matches a plugin.
 */
class CockpitPageTest {

  private static final String PAGE = "META-INF/resources/webjars/camunda/app/cockpit/index.html";
  private static final Pattern EXCLUSION = Pattern.compile("\\s*cam-exclude-plugins=\"([^\"]*)\"");
  private static final Pattern OUR_COMMENT = Pattern.compile("\\s*<!-- Security Release Orchestrator:.*?-->", Pattern.DOTALL);

  @Test
  @DisplayName("Cockpit's page is Camunda's own, with a comment and the plugin exclusion added and nothing else")
  void camundasPage() {
    String ours = read(page(false));
    assertThat(EXCLUSION.matcher(ours).find()).as("the exclusion").isTrue();
    assertThat(OUR_COMMENT.matcher(EXCLUSION.matcher(ours).replaceFirst("")).replaceFirst(""))
        .isEqualTo(read(page(true)));
  }

  @Test
  @DisplayName("every plugin the page excludes is one Camunda's Cockpit registers, at that plugin point")
  void excludedPluginsExist() {
    Matcher exclusion = EXCLUSION.matcher(read(page(false)));
    assertThat(exclusion.find()).isTrue();
    List<String> excluded = Arrays.stream(exclusion.group(1).split(",")).map(String::trim).toList();
    String cockpit = read(resource("META-INF/resources/plugin/cockpit/app/plugin.js"))
        + read(resource("META-INF/resources/webjars/camunda/app/cockpit/camunda-cockpit-bootstrap.js"));
    assertThat(excluded).isNotEmpty().allSatisfy(plugin -> {
      String[] pointAndId = plugin.split(":");
      assertThat(cockpit).as(plugin).contains("registerDefaultView(\"" + pointAndId[0] + "\",{id:\"" + pointAndId[1] + "\"");
    });
  }

  /** Ours (from the build's classes) or Camunda's (from its webjar), both on the classpath under one name. */
  private static URL page(boolean camundas) {
    try {
      return Collections.list(CockpitPageTest.class.getClassLoader().getResources(PAGE)).stream()
          .filter(url -> url.getProtocol().equals("jar") == camundas).findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL resource(String path) {
    URL url = CockpitPageTest.class.getClassLoader().getResource(path);
    assertThat(url).as(path).isNotNull();
    return url;
  }

  private static String read(URL url) {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
