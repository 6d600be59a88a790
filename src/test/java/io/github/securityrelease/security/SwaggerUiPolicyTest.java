package io.github.securityrelease.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.webjars.WebJarVersionLocator;

/**
 * The Swagger UI's policy allows exactly the inline styles the Swagger UI on the class path
 * creates (by hash): a newer Swagger UI with other ones fails here, not in a user's browser.
 */
class SwaggerUiPolicyTest {

  private static final Pattern INLINE_STYLE = Pattern.compile("createElement\\(\"style\",null,\"([^\"]*)\"\\)");

  @Test
  @DisplayName("every inline style of the Swagger UI is allowed by its hash, and no inline script or eval is")
  void hashesMatchTheSwaggerUi() throws Exception {
    List<String> styles = new ArrayList<>();
    for (String file : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js")) {
      Matcher style = INLINE_STYLE.matcher(read(file));
      while (style.find()) {
        styles.add(style.group(1));
      }
    }

    assertThat(styles).as("the logo's colours").hasSize(1);
    for (String style : styles) {
      assertThat(SecurityConfig.SWAGGER_UI_POLICY).contains("style-src 'self' 'sha256-" + sha256(style) + "'");
    }
    assertThat(SecurityConfig.SWAGGER_UI_POLICY).contains("script-src 'self';", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
  }

  private static String read(String file) throws IOException {
    String path = new WebJarVersionLocator().fullPath("swagger-ui", file);
    assertThat(path).as(file + " of the swagger-ui webjar").isNotNull();
    try (InputStream in = SwaggerUiPolicyTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String sha256(String text) throws NoSuchAlgorithmException {
    return Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
