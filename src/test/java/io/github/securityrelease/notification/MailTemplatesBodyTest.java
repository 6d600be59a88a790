package io.github.securityrelease.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailTemplatesBodyTest {

  private final MailTemplates templates = new MailTemplates();

  @Test
  @DisplayName("R18 the announcement's text published elsewhere (the tracking issue) is the body its mail carries, to no recipient")
  void bodyIsTheMailsBody() {
    Map<String, Object> model = new HashMap<>(Map.of("cveId", "CVE-2025-1234", "title", "Path traversal",
        "releaseVersions", "v0.6.2", "credit", "Ada Lovelace", "severity", "HIGH", "cvssScore", 8.1));
    for (String unset : List.of("cvssVector", "affectedVersions", "binariesLocation", "impactDescription", "mitigations",
        "releaseNotesUrl", "advisoryUrl", "trackingIssueUrl")) {
      model.put(unset, "");
    }

    String body = templates.body(NotificationKind.PUBLIC_ANNOUNCEMENT, model);

    assertThat(body).isEqualTo(templates.render(NotificationKind.PUBLIC_ANNOUNCEMENT, "VUL-2025-0007",
        List.of("announce@example.org"), model).body());
    assertThat(body).startsWith("A security vulnerability has been fixed in v0.6.2.")
        .contains("Thanks to Ada Lovelace").doesNotContain("Subject:");
  }
}
