package io.github.securityrelease.distributors;

import static io.github.securityrelease.cases.CaseVariables.DISCLOSED_AT;
import static io.github.securityrelease.cases.CaseVariables.instant;

import com.samskivert.mustache.Template;
import io.github.securityrelease.cases.BusinessCalendar;
import io.github.securityrelease.cases.Cases;
import io.github.securityrelease.distributors.DistributorAcknowledgements.Link;
import io.github.securityrelease.engine.TaskInput;
import io.github.securityrelease.security.EngineIdentity;
import io.github.securityrelease.web.LinkExpiry;
import io.github.securityrelease.web.LinkPages;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * R29: a distributor's page for a case, as HTML (every value escaped, no script), opened by a
 * link of a notice: its notices, what it said, and the form to say more. Only a link of a case
 * that is there and has not expired ({@link LinkExpiry}, after the disclosure) opens it, of a
 * distributor still on the list. It shows nothing of the case but its ID: the details are in the
 * notice.
 */
@Component
class AcknowledgementPage {

  private static final Template PAGE = LinkPages.compile("templates/distributor/page.html.mustache");
  private static final Template REFUSED = LinkPages.compile("templates/distributor/refused.html.mustache");

  private final DistributorAcknowledgements acknowledgements;
  private final DistributorRegistry registry;
  private final AcknowledgementRecords records;
  private final Cases cases;
  private final EngineIdentity engineIdentity;
  private final BusinessCalendar calendar;
  private final LinkExpiry expiry;
  private final Clock clock;

  AcknowledgementPage(DistributorAcknowledgements acknowledgements, DistributorRegistry registry,
      AcknowledgementRecords records, Cases cases, EngineIdentity engineIdentity, BusinessCalendar calendar,
      AcknowledgementProperties properties, Clock clock) {
    this.acknowledgements = acknowledgements;
    this.registry = registry;
    this.records = records;
    this.cases = cases;
    this.engineIdentity = engineIdentity;
    this.calendar = calendar;
    this.expiry = new LinkExpiry(properties.linkValidAfterDisclosure());
    this.clock = clock;
  }

  /** The distributor and case {@code token} opens, unless it opens none (unknown, expired, removed). */
  Optional<Link> open(String token) {
    return acknowledgements.linkOf(token)
        .filter(link -> registry.find(link.distributorId()).filter(found -> found.removedAt() == null).isPresent())
        .filter(link -> engineIdentity.runAsService(() -> cases.find(link.caseId()).map(this::open).orElse(false)));
  }

  private boolean open(HistoricProcessInstance instance) {
    Object disclosed = cases.variables(instance, DISCLOSED_AT).get(DISCLOSED_AT);
    Date ended = instance.getEndTime();
    return !expiry.expired(instant(disclosed), ended == null ? null : ended.toInstant(), clock.instant());
  }

  Acknowledgement record(Link link, Acknowledgement.Said said, String source) {
    return acknowledgements.record(link, said, source);
  }

  String render(String token, Link link) {
    Map<String, Object> model = new HashMap<>();
    model.put("caseId", link.caseId());
    model.put("organisation", registry.find(link.distributorId()).map(Distributor::organisation).orElse(""));
    AcknowledgementRecords.Row row = records.ofCase(link.caseId()).stream()
        .filter(one -> one.distributorId() == link.distributorId()).findFirst().orElse(null);
    if (row != null) {
      model.put("notices", row.notices().stream().map(notice -> Map.of("kind", words(notice.kind().name()),
          "at", calendar.describe(notice.sentAt()))).toList());
      if (row.acknowledgedAt() != null) {
        model.put("acknowledgedAt", calendar.describe(row.acknowledgedAt()));
      }
      model.put("history", row.history().stream().map(this::entry).toList());
    }
    model.put("action", DistributorAcknowledgements.PAGE_PATH + token);
    model.put("maxText", TaskInput.MAX_TEXT);
    return PAGE.execute(model);
  }

  private Map<String, Object> entry(Acknowledgement said) {
    Map<String, Object> entry = new HashMap<>();
    entry.put("at", calendar.describe(said.recordedAt()));
    entry.put("status", said.status() == null ? "Received" : words(said.status().name()));
    entry.put("note", said.note());
    entry.put("reviewed", yesNo(said.reviewed()));
    entry.put("tested", yesNo(said.tested()));
    entry.put("issuesFound", said.issuesFound());
    return entry;
  }

  /** The page that says why a form was refused, with the way back to the page. */
  static String refused(String token, String why) {
    return REFUSED.execute(Map.of("why", why, "page", DistributorAcknowledgements.PAGE_PATH + token));
  }

  private static String yesNo(Boolean value) {
    return value == null ? null : value ? "yes" : "no";
  }

  private static String words(String constant) {
    String text = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
