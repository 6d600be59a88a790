package io.github.securityrelease.intake;

import static io.github.securityrelease.cases.CaseVariables.*;

import io.github.securityrelease.cases.BusinessCalendar;
import io.github.securityrelease.cases.CaseIdsConfiguration;
import io.github.securityrelease.cases.Credit;
import io.github.securityrelease.cases.VulnerabilityStatus;
import io.github.securityrelease.cases.YearlyIds;
import io.github.securityrelease.disclosure.DisclosurePlanner;
import io.github.securityrelease.security.EngineIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a report into a case: a case ID, the acknowledgement deadline and a running
 * {@code vulnerability-handling} process, all in one transaction, so that a failure leaves
 * neither a case nor a used-up case ID behind.
 */
@Service
public class ReportIntake {

  private final YearlyIds caseIds;
  private final DisclosurePlanner planner;
  private final RuntimeService runtimeService;
  private final EngineIdentity engineIdentity;
  private final BusinessCalendar calendar;
  private final Clock clock;

  ReportIntake(@Qualifier(CaseIdsConfiguration.CASE_IDS) YearlyIds caseIds, DisclosurePlanner planner,
      RuntimeService runtimeService, EngineIdentity engineIdentity, BusinessCalendar calendar, Clock clock) {
    this.caseIds = caseIds;
    this.planner = planner;
    this.runtimeService = runtimeService;
    this.engineIdentity = engineIdentity;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** What the reporter learns: the case ID and when the acknowledgement is due (R2). */
  public record Receipt(String caseId, Instant acknowledgementDueBy) {}

  /**
   * Starts the case of a report that is checked already (the API's {@code @Valid}, the inbox's
   * reading of a mail). Joins the caller's transaction, so that what the caller records with the
   * case (the inbox: the mail's Message-ID) is on record with it or not at all.
   */
  @Transactional
  public Receipt receive(ReportRequest report) {
    return receive(report, null);
  }

  /**
   * A mailed report: as {@link #receive(ReportRequest)}, with the mail's Message-ID on the case
   * ({@code reportMessageId}, checked by the caller), so that every mail to the reporter answers
   * in the report's thread (R28).
   */
  @Transactional
  public Receipt receive(ReportRequest report, String reportMessageId) {
    Map<String, Object> variables = newCase(report);
    if (reportMessageId != null) {
      variables.put(REPORT_MESSAGE_ID, reportMessageId);
    }
    String caseId = (String) variables.get(CASE_ID);
    // the service takes the report, whoever sent it: the caller's own rights do not apply
    engineIdentity.runAsService(() -> runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .businessKey(caseId)
        .setVariables(variables)
        .execute());
    return new Receipt(caseId, ((Date) variables.get(ACKNOWLEDGEMENT_DUE_BY)).toInstant());
  }

  /**
   * A new case's variables: the report, a case ID taken now (in the caller's transaction),
   * the time of the report and the acknowledgement and fix deadlines that run from it.
   */
  Map<String, Object> newCase(ReportRequest report) {
    Instant reportedAt = clock.instant();
    String caseId = caseIds.next();
    Instant dueBy = planner.acknowledgementDueBy(reportedAt);
    Map<String, Object> variables = variables(report, caseId, reportedAt, dueBy);
    variables.put(ACKNOWLEDGEMENT_DUE_BY_TEXT, calendar.describe(dueBy));
    variables.put(FIX_DUE_BY, Date.from(planner.fixDueBy(reportedAt)));
    return variables;
  }

  private static Map<String, Object> variables(ReportRequest report, String caseId, Instant reportedAt, Instant dueBy) {
    Optional<ReportRequest.Environment> environment = Optional.ofNullable(report.environment());
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_ID, caseId);
    variables.put(STATUS, VulnerabilityStatus.REPORTING.name());
    variables.put(TITLE, report.title().strip());
    variables.put(WHAT_HAPPENED, report.whatHappened());
    variables.put(EXPECTED, report.expected());
    variables.put(HOW_TO_REPRODUCE, report.howToReproduce());
    variables.put(ANYTHING_ELSE, report.anythingElse());
    variables.put(PRODUCT_VERSION, environment.map(ReportRequest.Environment::productVersion).orElse(null));
    variables.put(KUBECTL_VERSION, environment.map(ReportRequest.Environment::kubectlVersion).orElse(null));
    variables.put(FLUXCD_VERSION, environment.map(ReportRequest.Environment::fluxcdVersion).orElse(null));
    variables.put(OTHER_ENVIRONMENT, environment.map(ReportRequest.Environment::others).orElse(null));
    variables.put(REPORTER_NAME, report.reporter().name());
    variables.put(REPORTER_EMAIL, report.reporter().email().strip());
    variables.put(PUBLICLY_DISCLOSED, report.disclosed());
    variables.put(PUBLIC_REFERENCE, report.publicReference());
    variables.put(CREDIT, Credit.stored(report.credit()));
    variables.put(FAST_TRACK, false);
    variables.put(REPORTED_AT, Date.from(reportedAt));
    variables.put(ACKNOWLEDGEMENT_DUE_BY, Date.from(dueBy));
    return variables;
  }
}
