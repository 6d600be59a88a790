package io.github.securityrelease.cveservices;

import static io.github.securityrelease.cases.CaseVariables.CVE_ID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.securityrelease.advisory.CveRecords;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A step on the case's CVE record (R12, R18): the client, the case's CVE ID and its CNA
 * container as it is now ({@link CveRecords}) with the container's digest, for
 * {@link PublishCveRecord} and {@link UpdateCveRecord} to act on.
 */
abstract class CveRecordStep implements JavaDelegate {

  private final ObjectProvider<CveServicesClient> client;
  private final CveRecords records;
  protected final Clock clock;

  CveRecordStep(ObjectProvider<CveServicesClient> client, CveRecords records, Clock clock) {
    this.client = client;
    this.records = records;
    this.clock = clock;
  }

  @Override
  public final void execute(DelegateExecution execution) {
    CveServicesClient cveServices = CveServicesSteps.client(client, execution);
    String cveId = CveServicesSteps.cveId(execution, CVE_ID);
    ObjectNode container = records.cnaContainer(execution.getProcessBusinessKey());
    apply(execution, cveServices, cveId, container, CveServicesSteps.digest(container));
  }

  abstract void apply(DelegateExecution execution, CveServicesClient cveServices, String cveId, ObjectNode container,
      String digest);
}
