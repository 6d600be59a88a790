package io.github.securityrelease.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securityrelease.engine.MaxCharacters;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The report page's fields take as much as the API does, no more and no less. */
class ReportPageLimitsTest {

  private static final Pattern FIELD = Pattern.compile("<(?:input|textarea)[^>]*\\bname=\"([^\"]+)\"[^>]*\\bmaxlength=\"(\\d+)\"");

  @Test
  @DisplayName("every maxlength of the report page is the API's limit of that field, in characters")
  void pageLimitsAreTheApis() throws IOException {
    Map<String, Integer> page = new LinkedHashMap<>();
    try (InputStream html = getClass().getResourceAsStream("/static/report.html")) {
      Matcher field = FIELD.matcher(new String(html.readAllBytes(), StandardCharsets.UTF_8));
      while (field.find()) {
        page.put(field.group(1), Integer.valueOf(field.group(2)));
      }
    }

    assertThat(page).containsKeys("title", "whatHappened", "environment.others", "reporter.name", "reporter.email");
    page.forEach((name, maxlength) -> assertThat(maxlength).as(name).isEqualTo(apiLimit(name)));
  }

  private static int apiLimit(String name) {
    Class<?> type = ReportRequest.class;
    String[] path = name.split("\\.");
    for (int i = 0; i < path.length - 1; i++) {
      type = component(type, path[i]).getType();
    }
    MaxCharacters limit = component(type, path[path.length - 1]).getAnnotation(MaxCharacters.class);
    assertThat(limit).as(name + " has a limit in the API").isNotNull();
    return limit.value();
  }

  private static RecordComponent component(Class<?> record, String name) {
    return Arrays.stream(record.getRecordComponents()).filter(component -> component.getName().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError(record.getSimpleName() + " has no " + name));
  }
}
