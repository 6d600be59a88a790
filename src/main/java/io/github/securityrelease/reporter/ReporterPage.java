package io.github.securityrelease.reporter;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.github.securityrelease.cases.BusinessCalendar;
import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.cases.VulnerabilityStatus;
import io.github.securityrelease.security.EngineIdentity;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The reporter's page for a case, as HTML: every value escaped, no script. Only a link that
 * works opens it: not revoked, not expired ({@link LinkExpiry}).
 */
@Component
class ReporterPage {

  private static final Template PAGE = compile("templates/reporter/page.html.mustache");

  private final ReporterLinks links;
  private final Cases cases;
  private final EngineIdentity engineIdentity;
  private final BusinessCalendar calendar;
  private final LinkExpiry expiry;
  private final Clock clock;

  ReporterPage(ReporterLinks links, Cases cases, EngineIdentity engineIdentity, BusinessCalendar calendar,
      ReporterPageProperties properties, Clock clock) {
    this.links = links;
    this.cases = cases;
    this.engineIdentity = engineIdentity;
    this.calendar = calendar;
    this.expiry = new LinkExpiry(properties.validAfterDisclosure());
    this.clock = clock;
  }

  /** The page of the case {@code token} opens; empty when it opens none. */
  Optional<String> render(String token) {
    return links.caseOf(token)
        .flatMap(caseId -> engineIdentity.runAsService(() -> CaseDates.read(cases, caseId)))
        .filter(dates -> !dates.expired(expiry, clock.instant()))
        .map(dates -> PAGE.execute(model(dates)));
  }

  private Map<String, Object> model(CaseDates dates) {
    Map<String, Object> model = new HashMap<>();
    model.put("caseId", dates.caseId());
    model.put("status", StatusInWords.of(dates.status()));
    List<Map<String, String>> known = new ArrayList<>();
    add(known, "Report received", dates.reportedAt());
    add(known, "Acknowledged by the security team", dates.acknowledgedAt());
    add(known, "Planned public disclosure", dates.publicDisclosureAt());
    add(known, "Disclosed", dates.disclosedAt());
    model.put("dates", known);
    expiry.expiresAt(dates.disclosedAt(), dates.endedAt())
        .ifPresent(at -> model.put("linkExpiresAt", calendar.describe(at)));
    // issue 18: the conversation (conversation/, Conversation.of(caseId)) and the answer and credit
    // forms join the model here; the template's place for them is marked "conversation"
    return model;
  }

  private void add(List<Map<String, String>> dates, String what, Instant at) {
    if (at != null) {
      dates.add(Map.of("what", what, "at", calendar.describe(at)));
    }
  }

  /** HTML: every value escaped, an absent one empty. */
  private static Template compile(String path) {
    try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
      return Mustache.compiler().escapeHTML(true).nullValue("").emptyStringIsFalse(true).compile(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Template unreadable: " + path, e);
    }
  }

  /** {@link VulnerabilityStatus} in the reporter's words. */
  static final class StatusInWords {

    private StatusInWords() {}

    static String of(String status) {
      VulnerabilityStatus known;
      try {
        known = VulnerabilityStatus.valueOf(status);
      } catch (IllegalArgumentException | NullPointerException unknown) {
        return "Being handled by the security team";
      }
      return switch (known) {
        case REPORTING -> "Received: the security team is reading your report";
        case CONFIRMING -> "Being confirmed: the security team checks the vulnerability and how severe it is";
        case REMEDIATION -> "Being fixed: a fix is being written and reviewed in private";
        case RESTRICTED_DISCLOSURE -> "Fix ready: the public disclosure is planned";
        case PUBLIC_DISCLOSURE -> "Being disclosed: the fixed release and the advisory are being published";
        case DISCLOSED -> "Disclosed: the advisory is public";
        case REJECTED -> "Closed: the security team did not accept the report as a vulnerability";
      };
    }
  }
}
