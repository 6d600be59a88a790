package io.github.securityrelease.reporter;

import io.github.securityrelease.web.LinkExpiry;
import static io.github.securityrelease.cases.CaseVariables.*;

import io.github.securityrelease.cases.Cases;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * What the reporter's page needs of a case: its status, the dates of the report and the
 * reporter's credit, nothing of the assessment, the plan's other dates or the distributors.
 *
 * @param reporterEmail the address of the report: who a page answer is from, never shown
 * @param credit how the reporter is credited, null for no credit
 * @param publicDisclosureAt the planned public disclosure, once the plan is set
 * @param endedAt when the case ended (disclosed or rejected); null while it is open
 */
record CaseForReporter(String caseId, String status, String reporterEmail, String credit, Instant reportedAt,
    Instant acknowledgedAt, Instant publicDisclosureAt, Instant disclosedAt, Instant endedAt) {

  /** The case from its history, open or ended. Read as the service: the caller holds a link, no account. */
  static Optional<CaseForReporter> read(Cases cases, String caseId) {
    return cases.find(caseId).map(instance -> of(cases, instance));
  }

  private static CaseForReporter of(Cases cases, HistoricProcessInstance instance) {
    Map<String, Object> variables = cases.variables(instance, STATUS, REPORTER_EMAIL, CREDIT, REPORTED_AT,
        ACKNOWLEDGED_AT, PUBLIC_DISCLOSURE_AT, DISCLOSED_AT);
    Date ended = instance.getEndTime();
    return new CaseForReporter(instance.getBusinessKey(), (String) variables.get(STATUS),
        (String) variables.get(REPORTER_EMAIL), (String) variables.get(CREDIT), instant(variables.get(REPORTED_AT)),
        instant(variables.get(ACKNOWLEDGED_AT)), instant(variables.get(PUBLIC_DISCLOSURE_AT)),
        instant(variables.get(DISCLOSED_AT)), ended == null ? null : ended.toInstant());
  }

  boolean expired(LinkExpiry expiry, Instant now) {
    return expiry.expired(disclosedAt, endedAt, now);
  }
}
