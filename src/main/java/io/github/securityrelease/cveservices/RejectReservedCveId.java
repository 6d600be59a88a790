package io.github.securityrelease.cveservices;

import static io.github.securityrelease.cases.CaseVariables.REJECTION;

import io.github.securityrelease.cases.RejectionReason;
import io.github.securityrelease.cveservices.CveIdReservations.Reservation;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R4, R12: a case rejected after CVE Services reserved its ID has the ID rejected, with the
 * public reason of the rejection ({@link RejectionReason#cveReason()}). A bean whether or not
 * CVE Services is configured, so that the model can ask {@link #reserved} either way.
 */
@Component("rejectReservedCveId")
public class RejectReservedCveId implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RejectReservedCveId.class);

  private final ObjectProvider<CveServicesClient> client;
  private final CveIdReservations reservations;

  RejectReservedCveId(ObjectProvider<CveServicesClient> client, CveIdReservations reservations) {
    this.client = client;
    this.reservations = reservations;
  }

  /** Whether CVE Services is configured and reserved an ID for the case: the model's condition. */
  public boolean reserved(DelegateExecution execution) {
    return client.getIfAvailable() != null && reservedId(execution.getProcessBusinessKey()).isPresent();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = execution.getProcessBusinessKey();
    CveServicesClient cveServices = client.getIfAvailable();
    if (cveServices == null) {
      throw new IllegalStateException("Reject reserved CVE ID of " + caseId
          + " needs CVE Services, and security-release.cve-services.url is not set");
    }
    String cveId = reservedId(caseId).orElseThrow(() -> new IllegalStateException(caseId + " has no reserved CVE ID"));
    RejectionReason reason = RejectionReason.valueOf(String.valueOf(execution.getVariable(REJECTION)));
    cveServices.reject(caseId, cveId, reason.cveReason());
    log.info("{}: CVE ID {} rejected ({})", caseId, cveId, reason);
  }

  private Optional<String> reservedId(String caseId) {
    return reservations.find(caseId).map(Reservation::cveId);
  }
}
