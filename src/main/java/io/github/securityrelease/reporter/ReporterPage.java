package io.github.securityrelease.reporter;

import io.github.securityrelease.web.LinkExpiry;
import io.github.securityrelease.web.LinkPages;
import io.github.securityrelease.web.LinkToken;
import com.samskivert.mustache.Template;
import io.github.securityrelease.cases.BusinessCalendar;
import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.cases.Credit;
import io.github.securityrelease.cases.Credits;
import io.github.securityrelease.cases.VulnerabilityStatus;
import io.github.securityrelease.conversation.Conversation;
import io.github.securityrelease.conversation.Message;
import io.github.securityrelease.engine.TaskInput;
import io.github.securityrelease.security.EngineIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The reporter's page for a case, as HTML: every value escaped, no script. Only a link that
 * works opens it: not revoked, not expired ({@link LinkExpiry}). It shows the conversation and
 * takes the reporter's answer and credit (R28), with no account.
 */
@Component
class ReporterPage {

  private static final Template PAGE = LinkPages.compile("templates/reporter/page.html.mustache");
  private static final Template REFUSED = LinkPages.compile("templates/reporter/refused.html.mustache");

  /** Who changed the credit, on the case's record ({@code creditCorrectedBy}). */
  static final String REPORTER = "reporter";

  private final ReporterLinks links;
  private final Cases cases;
  private final Conversation conversation;
  private final Credits credits;
  private final EngineIdentity engineIdentity;
  private final BusinessCalendar calendar;
  private final LinkExpiry expiry;
  private final Clock clock;

  ReporterPage(ReporterLinks links, Cases cases, Conversation conversation, Credits credits,
      EngineIdentity engineIdentity, BusinessCalendar calendar, ReporterPageProperties properties, Clock clock) {
    this.links = links;
    this.cases = cases;
    this.conversation = conversation;
    this.credits = credits;
    this.engineIdentity = engineIdentity;
    this.calendar = calendar;
    this.expiry = new LinkExpiry(properties.validAfterDisclosure());
    this.clock = clock;
  }

  /** The case {@code token} opens: a link not revoked, not expired, of a case that is there; else empty. */
  Optional<CaseForReporter> caseOf(String token) {
    return links.caseOf(token)
        .flatMap(caseId -> engineIdentity.runAsService(() -> CaseForReporter.read(cases, caseId)))
        .filter(found -> !found.expired(expiry, clock.instant()));
  }

  /** The page of the case {@code token} opens; empty when it opens none. */
  Optional<String> render(String token) {
    return caseOf(token).map(found -> PAGE.execute(model(token, found)));
  }

  /**
   * The reporter's answer, on the case's record as a message IN from the report's address (so
   * that "Ask reporter for private handling" shows it, R3, and the team hears of it as of a
   * mail). Once per form: the form's one-time {@code nonce} is the message's key, so the same
   * form sent twice is one message.
   *
   * @return why it was refused (nothing recorded), or empty
   */
  Optional<String> answer(CaseForReporter found, String nonce, String text) {
    if (!LinkToken.wellFormed(nonce)) {
      return Optional.of("The form is incomplete: please open your page again and write from there.");
    }
    if (text == null || text.isBlank()) {
      return Optional.of("Your answer is empty.");
    }
    if (!TaskInput.withinMaxText(text)) {
      return Optional.of("Your answer is longer than " + TaskInput.MAX_TEXT
          + " characters: please shorten it, or send it by mail.");
    }
    if (!TaskInput.storable(text)) {
      return Optional.of("Your answer contains characters that cannot be stored (NUL or unpaired surrogates).");
    }
    conversation.receive(found.caseId(), found.reporterEmail(), text.strip(), Message.Source.PAGE,
        "page-" + found.caseId() + "-" + nonce, null);
    return Optional.empty();
  }

  /** The reporter's credit, changed through the one place that changes a case's credit. */
  Credits.Outcome changeCredit(CaseForReporter found, String credit) {
    return engineIdentity.runAsService(() -> credits.change(found.caseId(), credit, REPORTER));
  }

  /** The page that says why a form was refused, with the way back to the page. */
  static String refused(String token, String title, String why) {
    return REFUSED.execute(Map.of("title", title, "why", why, "page", LinkMail.PAGE_PATH + token));
  }

  private Map<String, Object> model(String token, CaseForReporter found) {
    Map<String, Object> model = new HashMap<>();
    model.put("caseId", found.caseId());
    model.put("status", StatusInWords.of(found.status()));
    List<Map<String, String>> known = new ArrayList<>();
    add(known, "Report received", found.reportedAt());
    add(known, "Acknowledged by the security team", found.acknowledgedAt());
    add(known, "Planned public disclosure", found.publicDisclosureAt());
    add(known, "Disclosed", found.disclosedAt());
    model.put("dates", known);
    expiry.expiresAt(found.disclosedAt(), found.endedAt())
        .ifPresent(at -> model.put("linkExpiresAt", calendar.describe(at)));
    model.put("messages", conversation.forReporter(found.caseId(), found.reporterEmail()).stream().map(this::message).toList());
    model.put("answerAction", LinkMail.PAGE_PATH + token + "/answer");
    model.put("creditAction", LinkMail.PAGE_PATH + token + "/credit");
    // a fresh key per page shown: the form it is in is one message, however often it is sent
    model.put("nonce", LinkToken.generate());
    model.put("maxText", TaskInput.MAX_TEXT);
    model.put("maxCredit", Credit.MAX_CHARACTERS);
    model.put("credit", found.credit());
    model.put("creditFinal", Credits.settled(found.status(), found.endedAt() != null) != null);
    return model;
  }

  private Map<String, String> message(Message message) {
    boolean in = message.direction() == Message.Direction.IN;
    return Map.of("who", in ? "You wrote" : "The security team wrote", "direction", in ? "in" : "out",
        "at", calendar.describe(message.at()), "body", message.body());
  }

  private void add(List<Map<String, String>> dates, String what, Instant at) {
    if (at != null) {
      dates.add(Map.of("what", what, "at", calendar.describe(at)));
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
