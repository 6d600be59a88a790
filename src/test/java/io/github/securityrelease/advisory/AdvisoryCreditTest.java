package io.github.securityrelease.advisory;

import static io.github.securityrelease.advisory.AdvisoryCases.PRODUCT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.securityrelease.notification.MailTemplates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * R28: the four published texts of a case (the OSV advisory, the CVE record, the release notes
 * draft and the public announcement) credit the reporter as they wished, or name them nowhere.
 */
class AdvisoryCreditTest {

  private static final String NAME = "Ada Reporter";
  private static final String EMAIL = "ada@example.net";

  private final OsvAdvisory osv = new OsvAdvisory(PRODUCT);
  private final Cve5Advisory cve5 = new Cve5Advisory(PRODUCT);

  @Test
  @DisplayName("R28 the OSV advisory credits the reporter as FINDER, valid OSV 1.7")
  void osv() throws Exception {
    JsonNode advisory = osv.write(AdvisoryCases.advisory(credited("@ada-sec")));
    assertThat(AdvisorySchemas.osvErrors(advisory)).isEmpty();
    JSONAssert.assertEquals("[{\"name\": \"@ada-sec\", \"type\": \"FINDER\"}]", advisory.get("credits").toString(),
        JSONCompareMode.STRICT);
  }

  @Test
  @DisplayName("R28 the CVE record credits the reporter in the CNA container (lang en, type finder), valid CVE JSON 5.1, draft too")
  void cveRecord() throws Exception {
    JsonNode record = cve5.write(AdvisoryCases.advisory(credited("Ada Lovelace (Example Corp)")));
    assertThat(AdvisorySchemas.cveRecordErrors(record)).isEmpty();
    JSONAssert.assertEquals("[{\"lang\": \"en\", \"value\": \"Ada Lovelace (Example Corp)\", \"type\": \"finder\"}]",
        record.at("/containers/cna/credits").toString(), JSONCompareMode.STRICT);
    JsonNode draft = cve5.cnaContainer(Advisory.from(credited("🦊 fox"), AdvisoryCases.EMBARGOED));
    assertThat(AdvisorySchemas.cnaContainerErrors(draft)).isEmpty();
    assertThat(draft.at("/credits/0/value").asText()).isEqualTo("🦊 fox");
  }

  @Test
  @DisplayName("R28 the release notes draft and the public announcement thank the reporter by their credit")
  void notesAndAnnouncement() {
    Map<String, Object> variables = credited("Ada Lovelace");
    assertThat(notes(variables)).contains("### Credit", "Thanks to Ada Lovelace for reporting this vulnerability.");
    assertThat(announcement(variables)).contains("Thanks to Ada Lovelace for reporting this vulnerability responsibly.")
        .doesNotContain("Thanks to the reporter");
  }

  @Test
  @DisplayName("R28 a reporter who declines credit is named nowhere: not in the advisory, the CVE record, the release notes or the announcement")
  void declined() {
    for (Object none : new Object[] {null, ""}) {
      Map<String, Object> variables = credited(none);
      Advisory advisory = AdvisoryCases.advisory(variables);
      JsonNode osvAdvisory = osv.write(advisory);
      JsonNode record = cve5.write(advisory);
      assertThat(AdvisorySchemas.osvErrors(osvAdvisory)).isEmpty();
      assertThat(AdvisorySchemas.cveRecordErrors(record)).isEmpty();
      assertThat(osvAdvisory.has("credits")).isFalse();
      assertThat(record.at("/containers/cna").has("credits")).isFalse();
      String announcement = announcement(variables);
      assertThat(announcement).contains("Thanks to the reporter");
      for (String text : List.of(osvAdvisory.toString(), record.toString(), notes(variables), announcement)) {
        assertThat(text).doesNotContain(NAME, EMAIL, "Ada", "ada@", "Credit");
      }
    }
  }

  /** A disclosed case reported by Ada, with {@code credit} as the case keeps it. */
  private static Map<String, Object> credited(Object credit) {
    Map<String, Object> variables = new HashMap<>(AdvisoryCases.full());
    variables.put("reporterName", NAME);
    variables.put("reporterEmail", EMAIL);
    variables.put("credit", credit);
    return variables;
  }

  private static String notes(Map<String, Object> variables) {
    return MailTemplates.compile("templates/notes/release-notes.mustache").execute(variables);
  }

  private static String announcement(Map<String, Object> variables) {
    return MailTemplates.compile("templates/mail/public-announcement.mustache").execute(variables);
  }
}
