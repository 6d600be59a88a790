package io.github.securityrelease.cveservices;

import static io.github.securityrelease.cases.CaseVariables.CVE_ID;
import static io.github.securityrelease.cases.CaseVariables.REPORTED_AT;

import io.github.securityrelease.disclosure.CaseCves;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R12 at "Launch CVE procedures" with CVE Services: one CVE ID of the case's year (the year it
 * was reported, UTC) reserved for the CNA, found again on a retry, then checked and recorded
 * as "Record assigned CVE" does ({@link CaseCves#recordAssigned}: the format, one case per ID)
 * and set as the case's {@code cveId}. Nobody records it by hand.
 */
@Component("reserveCveId")
class ReserveCveId implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ReserveCveId.class);

  private final ObjectProvider<CveServicesClient> client;
  private final CaseCves cves;
  private final Clock clock;

  ReserveCveId(ObjectProvider<CveServicesClient> client, CaseCves cves, Clock clock) {
    this.client = client;
    this.cves = cves;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CveServicesClient cveServices = CveServicesSteps.client(client, execution);
    String caseId = execution.getProcessBusinessKey();
    String cveId = cveServices.reserve(caseId, year(execution));
    try {
      cves.recordAssigned(cveId, caseId, execution.getProcessInstanceId());
    } catch (IllegalArgumentException notACveId) {
      throw new CveServicesException(caseId + ": CVE Services reserved " + notACveId.getMessage(), null, null);
    }
    execution.setVariable(CVE_ID, cveId);
    log.info("{}: {} reserved through CVE Services", caseId, cveId);
  }

  private int year(DelegateExecution execution) {
    Object reported = execution.getVariable(REPORTED_AT);
    return (reported instanceof Date date ? date.toInstant() : clock.instant()).atZone(ZoneOffset.UTC).getYear();
  }
}
